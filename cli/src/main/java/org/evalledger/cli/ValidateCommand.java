package org.evalledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evalledger.schema.Issue;
import org.evalledger.schema.RecordValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validates records and envelopes (the record they carry) against schema v1.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Record or envelope files, or directories of them.")
    List<Path> files;

    @Override
    public Integer call() {
        RecordValidator validator = RecordValidator.standard();
        List<Object> items = new ArrayList<>();
        int exit = Main.OK;
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : Inputs.expand(files, true)) {
            Uploads.Validated v = Uploads.validate(Inputs.read(f), validator);
            Map<String, Object> item = Uploads.validationItem(f, v);
            items.add(item);
            if (!v.valid()) {
                exit = Main.FAILED;
            }
            if (!format.json()) {
                out.println((v.valid() ? "valid    " : "INVALID  ") + f + (v.valid() ? "  " + v.kind() + " " + item.get("digest") : ""));
                for (Issue i : v.report().issues()) {
                    out.println("         " + i.severity().wireName() + " " + i);
                }
            }
        }
        if (format.json()) {
            Json.print(out, items);
        }
        return exit;
    }
}
