package dev.switchboard.routing.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Lua scripts, each {@code lib.lua} followed by its own body, run by EVALSHA; a server that does not know a
 * script (a restart, or {@code SCRIPT FLUSH}) is sent it once more with SCRIPT LOAD, at most {@code reloads} times
 * per call. Redis runs a script whole and alone, so each is one atomic operation.
 */
final class Scripts {

    /** One script: its text and the SHA-1 that EVALSHA names it by. */
    record Script(String name, String text, String sha) {}

    private final RedisLink link;
    private final String start;
    private final int reloads;

    Scripts(RedisLink link, Keys keys, int reloads) {
        this.link = link;
        this.start = keys.start();
        this.reloads = reloads;
    }

    static Script load(String name) {
        String text = resource("lib.lua") + "\n" + resource(name + ".lua");
        return new Script(name, text, sha1(text));
    }

    /**
     * Runs a script routed by {@code key}; the tenant's key start is passed as the first argument, before
     * {@code args}.
     */
    <T> T run(Script script, ScriptOutputType type, String key, List<String> args) {
        String[] argv = new String[args.size() + 1];
        argv[0] = start;
        for (int i = 0; i < args.size(); i++) {
            argv[i + 1] = args.get(i);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return link.call(redis -> redis.evalsha(script.sha(), type, new String[] {key}, argv));
            } catch (RedisNoScriptException e) {
                if (attempt >= reloads) {
                    throw new RedisUnavailableException("Redis forgot script '" + script.name() + "' "
                            + (attempt + 1) + " times in a row", e);
                }
                link.call(redis -> redis.scriptLoad(script.text()));
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("script " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-1", e);
        }
    }
}
