package org.evalledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evalledger.schema.RecordCodec;
import org.evalledger.schema.RecordFormatException;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.EnvelopeException;
import org.evalledger.signing.KeyException;
import org.evalledger.signing.KeyFiles;
import org.evalledger.signing.Signer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Signs records into DSSE envelopes. One input and no --out: the envelope goes to stdout; several inputs need --out DIR.")
final class SignCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;
    @Mixin
    SigningOptions options;
    @Parameters(paramLabel = "RECORD", arity = "1..*", description = "Record files.")
    List<Path> inputs;

    @Override
    public Integer call() {
        return SignCommand.run(spec, format, options.key, options.out, inputs, false);
    }

    /** Shared by sign and countersign. */
    static int run(picocli.CommandLine.Model.CommandSpec spec, FormatOption format, Path key, String outArg, List<Path> inputs, boolean counter) {
        Path out = outArg == null ? null : Path.of(outArg);
        List<Path> files = Inputs.expand(inputs, false);
        if (out == null && files.size() > 1) {
            throw new UsageException("several inputs need --out DIR (one envelope per input, same file name)");
        }
        Signer signer;
        try {
            if (!Files.isRegularFile(key)) {
                throw new UsageException("no such key file: " + key);
            }
            signer = Signer.of(KeyFiles.readPrivate(key));
        } catch (KeyException e) {
            throw new UsageException("cannot use key " + key + ": " + e.getMessage());
        }
        boolean toDir = out != null && (files.size() > 1 || Files.isDirectory(out) || outArg.endsWith("/"));
        RecordCodec codec = RecordCodec.standard();
        List<Object> items = new ArrayList<>();
        int exit = Main.OK;
        for (Path f : files) {
            Envelope env;
            try {
                env = counter ? signer.countersign(Envelope.parse(Inputs.read(f))) : signer.sign(codec.read(Inputs.read(f)));
            } catch (RecordFormatException | EnvelopeException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("evalledger: " + f + ": " + (counter ? "cannot countersign: " : "not a valid record: ")
                        + e.getMessage());
                exit = Main.FAILED;
                continue;
            }
            byte[] json = env.toJson();
            if (out == null) {
                spec.commandLine().getOut().write(new String(json, java.nio.charset.StandardCharsets.UTF_8));
                spec.commandLine().getOut().println();
                continue;
            }
            Path target = toDir ? out.resolve(f.getFileName()) : out;
            Inputs.write(target, json);
            if (format.json()) { // the digest is read back from the envelope only for the JSON output
                Map<String, Object> m = Json.obj();
                m.put("file", target.toString());
                m.put("source", f.toString());
                m.put("keyid", signer.publicKey().keyId());
                m.put("digest", digestOf(env));
                items.add(m);
            } else {
                spec.commandLine().getOut().println(target);
            }
        }
        if (out != null && format.json()) {
            Json.print(spec.commandLine().getOut(), items);
        }
        return exit;
    }

    /** The record digest named by the statement's {@code record} subject, lower-case hex. */
    static String digestOf(Envelope env) {
        var statement = Json.tree(env.payload());
        for (var s : statement.path("subject")) {
            if ("record".equals(s.path("name").asString())) {
                return s.path("digest").path("sha256").asString();
            }
        }
        return "";
    }
}
