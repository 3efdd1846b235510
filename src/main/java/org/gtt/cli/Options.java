package org.gtt.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A subcommand's {@code --name value} options and {@code --flag}s, checked against its spec. */
final class Options {
    /** One option: its default (null when there is none), whether it takes a value, and its help line. */
    record Option(String defaultValue, boolean takesValue, String help) {}

    /**
     * A command's options. With an {@code envPrefix} ("GTT_"), each option may also come from the environment:
     * --base-path from GTT_BASE_PATH; a flag on the command line wins over the environment.
     */
    record Spec(String usage, Map<String, Option> options, String envPrefix) {
        String help() {
            StringBuilder text = new StringBuilder(usage).append("\n\nOptions:\n");
            options.forEach((name, option) -> {
                String left = "  --" + name + (option.takesValue() ? " <value>" : "");
                text.append(String.format("%-26s %s", left, option.help()));
                if (option.defaultValue() != null) text.append(" (default: ").append(option.defaultValue()).append(')');
                if (envPrefix != null) text.append(" [").append(envName(name)).append(']');
                text.append('\n');
            });
            return text.append(String.format("%-26s %s%n", "  --help", "Show this help.")).toString();
        }

        String envName(String option) {
            return envPrefix + option.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        }

        Spec withEnvironment(String prefix) {
            return new Spec(usage, options, prefix);
        }
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested(String help) {
            super(help);
        }
    }

    private final Map<String, String> values;
    /** Where each value came from: "flag", the environment variable's name, or "default". */
    private final Map<String, String> sources;

    private Options(Map<String, String> values, Map<String, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    static Spec spec(String usage, Object... nameDefaultTakesValueHelp) {
        Map<String, Option> options = new LinkedHashMap<>();
        for (int i = 0; i < nameDefaultTakesValueHelp.length; i += 4) {
            options.put((String) nameDefaultTakesValueHelp[i], new Option((String) nameDefaultTakesValueHelp[i + 1],
                    (Boolean) nameDefaultTakesValueHelp[i + 2], (String) nameDefaultTakesValueHelp[i + 3]));
        }
        return new Spec(usage, options, null);
    }

    static Options parse(String[] args, Spec spec) {
        return parse(args, spec, System.getenv());
    }

    static Options parse(String[] args, Spec spec, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        spec.options().forEach((name, option) -> {
            String fromEnvironment = spec.envPrefix() == null ? null : environment.get(spec.envName(name));
            if (fromEnvironment != null) {
                values.put(name, option.takesValue() ? fromEnvironment : Boolean.toString(isTrue(fromEnvironment, spec.envName(name))));
                sources.put(name, spec.envName(name));
            } else if (option.defaultValue() != null) {
                values.put(name, option.defaultValue());
                sources.put(name, "default");
            }
        });
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) throw new HelpRequested(spec.help());
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            String inlineValue = null;
            if (name != null && name.contains("=")) {
                inlineValue = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            Option option = name == null ? null : spec.options().get(name);
            if (option == null) throw new UsageException("unknown option '" + arg + "'\n\n" + spec.help());
            if (!option.takesValue()) {
                values.put(name, "true");
            } else if (inlineValue != null) {
                values.put(name, inlineValue);
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            sources.put(name, "flag");
        }
        return new Options(values, sources);
    }

    private static boolean isTrue(String value, String variable) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "", "0", "false", "no", "off" -> false;
            default -> throw new UsageException(variable + " must be true or false, not '" + value + "'");
        };
    }

    /** Where the value of {@code name} came from: "flag", an environment variable's name, or "default"; null if unset. */
    String source(String name) {
        return sources.get(name);
    }

    double doubleValue(String name, double min, double max) {
        String raw = values.get(name);
        try {
            double value = Double.parseDouble(raw);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException | NullPointerException ignored) {
            // reported below, with the allowed range
        }
        throw new UsageException("--" + name + " must be a number from " + min + " to " + max + ", not '" + raw + "'");
    }

    /** "on"/"off" (also true/false, yes/no, 1/0). */
    boolean onOff(String name) {
        return isTrue(values.get(name), "--" + name);
    }

    String get(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return "true".equals(values.get(name));
    }

    int intValue(String name, int min, int max) {
        String raw = values.get(name);
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException ignored) {
            // reported below, with the allowed range
        }
        throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", not '" + raw + "'");
    }

    /** A URL path prefix, normalised to start and end with "/". */
    String basePath(String name) {
        String raw = values.get(name).trim();
        if (!raw.matches("[A-Za-z0-9._~/-]*") || raw.contains("..")) {
            throw new UsageException("--" + name + " must be a URL path such as /dl-course/, not '" + raw + "'");
        }
        String path = raw.startsWith("/") ? raw : "/" + raw;
        path = path.endsWith("/") ? path : path + "/";
        return path.replaceAll("/{2,}", "/");
    }
}
