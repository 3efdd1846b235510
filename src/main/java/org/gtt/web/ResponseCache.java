package org.gtt.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded least-recently-used cache of response bodies, by total size. Thread-safe. */
final class ResponseCache {
    /** A cached body with its strong ETag. */
    record Entry(byte[] body, String etag) {}

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Entry get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, Entry entry) {
        long size = entry.body().length + key.length();
        if (size > maxBytes) {
            return;
        }
        Entry previous = entries.put(key, entry);
        if (previous != null) {
            bytes -= previous.body().length + key.length();
        }
        bytes += size;
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            Map.Entry<String, Entry> evicted = oldest.next();
            bytes -= evicted.getValue().body().length + evicted.getKey().length();
            oldest.remove();
        }
    }

    synchronized int size() { return entries.size(); }
}
