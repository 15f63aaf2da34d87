package io.nubis.runtime.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.query.QueryRequest;
import io.nubis.runtime.internal.query.QueryTool;
import io.nubis.runtime.internal.query.ServiceTemplates;
import io.nubis.runtime.internal.status.ToolPaths;
import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.target.Privileges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code query}: standardized instance data from the command line (see {@link QueryTool}). */
@Command(name = "query", description = "Query standardized instance metadata from the command line.")
final class QueryCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--instance-data"}, paramLabel = "INSTANCE_DATA",
            description = "Path to instance-data.json file. Default is /run/cloud-init/instance-data.json")
    String instanceData;

    @Option(names = {"-l", "--list-keys"},
            description = "List query keys available at the provided instance-data <varname>.")
    boolean listKeys;

    @Option(names = {"-u", "--user-data"}, paramLabel = "USER_DATA",
            description = "Path to user-data file. Default is /var/lib/cloud/instance/user-data.txt")
    String userData;

    @Option(names = {"-v", "--vendor-data"}, paramLabel = "VENDOR_DATA",
            description = "Path to vendor-data file. Default is /var/lib/cloud/instance/vendor-data.txt")
    String vendorData;

    @Parameters(arity = "0..1", paramLabel = "varname", description = "A dot-delimited specific variable to query"
            + " from instance-data. For example: v1.local_hostname.")
    String varname;

    @Option(names = {"-a", "--all"}, description = "Dump all available instance-data")
    boolean all;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Optionally specify a custom output"
            + " format string. Any instance-data variable can be specified between double-curly braces."
            + " For example -f \"{{ v2.cloud_name }}\"")
    String format;

    @Override
    public Integer call() throws IOException {
        QueryRequest req = new QueryRequest(instanceData, userData, vendorData, varname, listKeys, all, format);
        ChrootTarget target = new ChrootTarget(Path.of(parent.root()));
        QueryTool tool = new QueryTool(target, ToolPaths.lookup(parent.cli().catalog(), target), Privileges.isRoot(),
                ServiceTemplates::lookup, parent.cli().out(), parent.cli().err());
        int rc = tool.run(req);
        if (!req.asksForSomething()) {
            spec.commandLine().usage(parent.cli().out());
        }
        return rc;
    }
}
