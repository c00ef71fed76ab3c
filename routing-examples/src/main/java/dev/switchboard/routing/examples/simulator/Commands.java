package dev.switchboard.routing.examples.simulator;

import java.nio.file.Path;
import picocli.CommandLine;

/** Parses a command line into an object declared for picocli, the same way for every command of the simulator. */
final class Commands {

    private Commands() {}

    /**
     * Fills {@code options} from {@code args}; an unknown option, a missing or blank value, or one of the wrong
     * type is an {@link Options.UsageException} with picocli's message.
     */
    static void parse(Object options, String... args) {
        CommandLine line = new CommandLine(options).registerConverter(Path.class, Commands::path);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new Options.UsageException(e.getMessage());
        }
    }

    private static Path path(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("needs a value");
        }
        return Path.of(value);
    }
}
