package org.dhakira.cli;

import java.util.concurrent.Callable;

import org.dhakira.web.ApiTokens;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Mints a write-API token: prints the token once (for its holder) and the line for the {@code api.tokens} file,
 * which keeps only its digest. Touches no archive.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Make a new write-API token: prints the token (give it to its holder; it is not kept) and the line to add to the api.tokens file.")
final class TokenCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "Who or what holds the token (letters, digits, . _ -), as the log will name it.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String token = ApiTokens.mint();
        String line;
        try {
            line = ApiTokens.line(name, token);
        } catch (IllegalArgumentException e) {
            throw new ArchiveOptions.UsageException(e.getMessage());
        }
        spec.commandLine().getOut().printf("token: %s%nline for the api.tokens file: %s%n", token, line);
        return 0;
    }
}
