package io.nubis.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.merge.PartMerger;
import io.nubis.runtime.internal.userdata.CloudConfigDocument;
import io.nubis.runtime.internal.userdata.ProcessedUserData;
import io.nubis.runtime.internal.userdata.UserDataKind;
import io.nubis.runtime.internal.userdata.UserDataProcessor;
import io.nubis.runtime.internal.yaml.Yaml;

/**
 * Loading and merging a large MIME multipart user-data: {@code parts} cloud-config parts (users,
 * write_files, runcmd, packages, nested settings, half of them with {@code merge_how} appending
 * lists and recursing into dicts) plus shell-script parts, processed and merged as the init
 * stage does ({@code UserDataStep}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UserDataBenchmark {
    @Param({"10", "100"})
    public int parts;

    private byte[] raw;
    private UserDataProcessor processor;
    private ProcessedUserData processed;
    private List<Object> parsed;

    @Setup
    public void setUp() {
        raw = multipart(parts).getBytes(StandardCharsets.UTF_8);
        processor = new UserDataProcessor(null, null, () -> null, null);
        processed = processor.process(UserDataKind.USER_DATA, raw);
        if (processed.hasErrors() || processed.cloudConfigs().size() != parts) {
            throw new IllegalStateException("benchmark input not understood: " + processed.findings());
        }
        parsed = new ArrayList<>();
        for (CloudConfigDocument d : processed.cloudConfigs()) {
            parsed.add(Yaml.load(d.text(), d.label()));
        }
    }

    /** MIME parsing and part dispatch only. */
    @Benchmark
    public ProcessedUserData process() {
        return processor.process(UserDataKind.USER_DATA, raw);
    }

    /** YAML loading of every cloud-config part (already split). */
    @Benchmark
    public List<Object> loadYaml() {
        List<Object> out = new ArrayList<>(processed.cloudConfigs().size());
        for (CloudConfigDocument d : processed.cloudConfigs()) {
            out.add(Yaml.load(d.text(), d.label()));
        }
        return out;
    }

    /** Merging already parsed parts (fresh copies, since merging may reuse the input maps). */
    @Benchmark
    public MergedConfig merge() {
        PartMerger merger = new PartMerger();
        List<CloudConfigDocument> docs = processed.cloudConfigs();
        for (int i = 0; i < docs.size(); i++) {
            merger.add(docs.get(i).label(), DeepCopy.of(parsed.get(i)), docs.get(i).mergeType());
        }
        return merger.result();
    }

    /** The whole path: process, load and merge. */
    @Benchmark
    public MergedConfig processLoadMerge() {
        ProcessedUserData p = processor.process(UserDataKind.USER_DATA, raw);
        PartMerger merger = new PartMerger();
        for (CloudConfigDocument d : p.cloudConfigs()) {
            merger.add(d.label(), Yaml.load(d.text(), d.label()), d.mergeType());
        }
        return merger.result();
    }

    /** A multipart user-data of {@code n} cloud-config parts and {@code n / 4} scripts. */
    static String multipart(int n) {
        String boundary = "==bench-boundary==";
        StringBuilder sb = new StringBuilder();
        sb.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\nMIME-Version: 1.0\n\n");
        for (int i = 0; i < n; i++) {
            sb.append("--").append(boundary).append('\n')
                    .append("Content-Type: text/cloud-config; charset=\"us-ascii\"\n")
                    .append("Content-Disposition: attachment; filename=\"part-").append(i).append(".cfg\"\n\n")
                    .append(cloudConfig(i)).append('\n');
            if (i % 4 == 0) {
                sb.append("--").append(boundary).append('\n')
                        .append("Content-Type: text/x-shellscript\n")
                        .append("Content-Disposition: attachment; filename=\"script-").append(i).append(".sh\"\n\n")
                        .append("#!/bin/sh\necho part ").append(i).append(" >> /var/log/bench.log\n\n");
            }
        }
        return sb.append("--").append(boundary).append("--\n").toString();
    }

    private static String cloudConfig(int i) {
        StringBuilder sb = new StringBuilder("#cloud-config\n");
        if (i % 2 == 1) {
            sb.append("merge_how:\n  - name: list\n    settings: [append]\n  - name: dict\n    settings: [recurse_array]\n");
        }
        sb.append("users:\n");
        for (int u = 0; u < 3; u++) {
            sb.append("  - name: user").append(i).append('_').append(u).append('\n')
                    .append("    groups: [adm, wheel]\n    shell: /bin/bash\n")
                    .append("    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n")
                    .append("    ssh_authorized_keys:\n      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI").append(i).append(u)
                    .append(" user@example\n");
        }
        sb.append("write_files:\n");
        for (int f = 0; f < 3; f++) {
            sb.append("  - path: /etc/bench/").append(i).append('/').append(f).append(".conf\n")
                    .append("    permissions: '0640'\n    content: |\n      key=").append(i).append("\n      other=value\n");
        }
        sb.append("runcmd:\n  - [echo, \"part ").append(i).append("\"]\n  - 'touch /tmp/bench-").append(i).append("'\n");
        sb.append("packages: [curl, vim-").append(i).append("]\n");
        sb.append("settings:\n  level").append(i % 5).append(":\n    key").append(i).append(": value\n    list: [a, b, c]\n");
        return sb.toString();
    }
}
