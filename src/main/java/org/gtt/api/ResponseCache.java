package org.gtt.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded least-recently-used cache of response bodies, by total size. Thread-safe. */
final class ResponseCache {
    private final long maxBytes;
    private final LinkedHashMap<String, GradientService.Answer> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized GradientService.Answer get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, GradientService.Answer entry) {
        long size = entry.body().length + key.length();
        if (size > maxBytes) {
            return;
        }
        GradientService.Answer previous = entries.put(key, entry);
        if (previous != null) {
            bytes -= previous.body().length + key.length();
        }
        bytes += size;
        Iterator<Map.Entry<String, GradientService.Answer>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            Map.Entry<String, GradientService.Answer> evicted = oldest.next();
            bytes -= evicted.getValue().body().length + evicted.getKey().length();
            oldest.remove();
        }
    }

    synchronized int size() { return entries.size(); }
}
