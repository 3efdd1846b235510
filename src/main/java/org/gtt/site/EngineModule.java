package org.gtt.site;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The engine compiled to WebAssembly (static/wasm/engine.wasm, made by TeaVM during {@code mvn package}) also
 * as a classic script, static/wasm/engine-wasm.js, that carries its bytes as base64: a page opened from disk
 * (file://) may neither fetch a file nor start a worker, but it may load a script (engine.js does).
 */
final class EngineModule {
    static final String MODULE = "static/wasm/engine.wasm";
    static final String SCRIPT = "static/wasm/engine-wasm.js";

    private EngineModule() {}

    /** Adds the script form when the module is there (a build without TeaVM's step has none). */
    static void addScriptForm(Map<String, Assets.Asset> files) {
        Assets.Asset module = files.get(MODULE);
        if (module == null) return;
        String script = "/* " + MODULE + " as base64, for pages opened from disk (see EngineModule.java). */\n"
                + "window.GTTEngineWasm = \"" + Base64.getEncoder().encodeToString(module.bytes()) + "\";\n";
        files.put(SCRIPT, Assets.Asset.of(SCRIPT, script.getBytes(StandardCharsets.US_ASCII)));
    }
}
