package io.nubis.assemblies.itest;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The freebsd assembly started in Felix. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FreebsdAssemblyTest extends AssemblyTestBase {
    @Configuration
    public Option[] config() {
        return AssemblyTestSupport.options("freebsd");
    }

}
