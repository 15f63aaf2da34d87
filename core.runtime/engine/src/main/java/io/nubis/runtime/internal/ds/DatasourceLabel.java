package io.nubis.runtime.internal.ds;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.datasource.CrawledData;

/**
 * The datasource as the reference prints it ({@code str(datasource)}) in {@code status.json},
 * {@code instance/datasource} and the final message: {@code DataSourceNone}, and for seed-based
 * sources {@code DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]}; other
 * sources show their subplatform ({@code DataSourceEc2 [metadata (http://169.254.169.254)]}).
 */
public final class DatasourceLabel {
    private static final Pattern SEED = Pattern.compile("^(?:seed-dir|config-disk) \\((.*)\\)$");

    private DatasourceLabel() {
    }

    /** {@code DataSource<Name>}. */
    public static String className(String dsName) {
        return "DataSource" + dsName;
    }

    /** The description of crawled data. */
    public static String of(CrawledData d) {
        String base = className(d.dsName());
        String sub = d.subplatform();
        if ("None".equals(d.dsName()) || sub == null || sub.isEmpty()) {
            return base;
        }
        Matcher m = SEED.matcher(sub);
        if (m.matches()) {
            return base + " [seed=" + m.group(1) + "][dsmode=" + d.dsmode() + "]";
        }
        return base + " [" + sub + "]";
    }
}
