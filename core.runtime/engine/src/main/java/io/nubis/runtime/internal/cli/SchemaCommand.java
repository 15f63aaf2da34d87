package io.nubis.runtime.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.query.ServiceTemplates;
import io.nubis.runtime.internal.schema.SchemaFragment;
import io.nubis.runtime.internal.schema.SchemaSources;
import io.nubis.runtime.internal.schema.SchemaTool;
import io.nubis.runtime.internal.schema.SchemaValidator;
import io.nubis.runtime.internal.status.ToolPaths;
import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.target.Privileges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code schema -c FILE [-t TYPE] [--annotate] | --system}: validate cloud-config (see {@link SchemaTool}). */
@Command(name = "schema", description = "Validate cloud-config files using jsonschema.")
final class SchemaCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config-file"}, paramLabel = "CONFIG_FILE",
            description = "Path of the cloud-config or network-config YAML file to validate")
    String configFile;

    @Option(names = {"-t", "--schema-type"}, paramLabel = "{cloud-config,network-config}",
            description = "When providing --config-file, the schema type to validate config against. Default:"
                    + " cloud-config")
    String schemaType;

    @Option(names = {"-i", "--instance-data"}, paramLabel = "INSTANCE_DATA", description = "Path to instance-data.json"
            + " file for variable expansion of '##template: jinja' user-data. Default:"
            + " /run/cloud-init/instance-data.json")
    String instanceData;

    @Option(names = "--system", description = "Validate the system instance-data provided as vendor-data user-data"
            + " and network-config")
    boolean system;

    @Option(names = "--annotate", description = "Annotate existing instance-data files any discovered errors")
    boolean annotate;

    @Override
    public Integer call() throws IOException {
        if (schemaType != null && !schemaType.equals("cloud-config") && !schemaType.equals("network-config")) {
            throw new ParameterException(spec.commandLine(), "argument -t/--schema-type: invalid choice: '" + schemaType
                    + "' (choose from 'cloud-config', 'network-config')");
        }
        ChrootTarget target = new ChrootTarget(Path.of(parent.root()));
        SchemaTool tool = new SchemaTool(target, ToolPaths.lookup(parent.cli().catalog(), target), Privileges.isRoot(),
                () -> new SchemaValidator(fragments()),
                ServiceTemplates::lookup, parent.cli().out(), parent.cli().err());
        return tool.run(new SchemaTool.Request(configFile, system, schemaType, instanceData, annotate));
    }

    private List<SchemaFragment> fragments() {
        try {
            return SchemaSources.fromModules(parent.cli().catalog());
        } catch (RuntimeException e) {
            // outside a framework (no bundle context) there are no module fragments
            return List.of();
        }
    }
}
