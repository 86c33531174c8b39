package org.dhakira.cli;

import org.dhakira.ingest.InvalidInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dhakira} command: {@code serve}, {@code load}, {@code export}, {@code stats}, {@code reindex}.
 * Exit codes: 0 done, 1 input refused (nothing written), 2 wrong usage, 3 failure (store locked, I/O, …).
 */
@Command(name = "dhakira", mixinStandardHelpOptions = true, versionProvider = Dhakira.Version.class,
        description = "A linked-data / OAI-PMH archive of documentary records in Arabic and English.",
        subcommands = {ServeCommand.class, LoadCommand.class, ExportCommand.class, StatsCommand.class, ReindexCommand.class, VerifyCommand.class, HarvestCommand.class, BackupCommand.class, RestoreCommand.class, CompactCommand.class, TokenCommand.class,
                CommandLine.HelpCommand.class})
public final class Dhakira {

    public static final int INPUT_REFUSED = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code, without exiting: what tests call. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Dhakira());
        cli.setParameterExceptionHandler((e, args2) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("dhakira: " + e.getMessage());
            cmd.getErr().println("See 'dhakira " + (cmd.getCommandName().equals("dhakira") ? "" : cmd.getCommandName() + " ") + "--help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ArchiveOptions.UsageException) {
                cmd.getErr().println("dhakira: " + e.getMessage());
                return USAGE;
            }
            if (e instanceof InvalidInputException invalid) {
                invalid.problems().forEach(p -> cmd.getErr().println(p));
                long more = invalid.total() - invalid.problems().size();
                if (more > 0) cmd.getErr().println("… and " + more + " more");
                cmd.getErr().println("Refused: " + invalid.total() + (invalid.total() == 1 ? " problem" : " problems")
                        + "; nothing was written.");
                return INPUT_REFUSED;
            }
            boolean verbose = parsed.originalArgs().contains("--verbose");
            if (verbose) e.printStackTrace(cmd.getErr());
            else cmd.getErr().println("dhakira: " + (e.getMessage() == null ? e.toString() : e.getMessage())
                    + " (--verbose shows the details)");
            return FAILURE;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Dhakira.class.getPackage().getImplementationVersion();
            return new String[] {"dhakira " + (v == null ? "(development build)" : v)};
        }
    }
}
