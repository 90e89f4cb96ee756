package org.parlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MachineTest {

    @Test
    void currentHasSaneValues() {
        Machine m = Machine.current();
        assertTrue(m.cores() >= 1, "cores " + m.cores());
        assertEquals(Runtime.getRuntime().availableProcessors(), m.cores());
        assertTrue(m.maxHeapBytes() > 0, "maxHeapBytes " + m.maxHeapBytes());
        assertTrue(m.physicalBytes() == -1 || m.physicalBytes() > 0, "physicalBytes " + m.physicalBytes());
        for (String s : new String[]{m.javaVersion(), m.javaVendor(), m.os(), m.arch(), m.cpuModel()}) {
            assertNotNull(s);
            assertFalse(s.isBlank());
        }
        assertEquals(Runtime.version().toString(), m.javaVersion());
        assertEquals(System.getProperty("os.arch"), m.arch());
        assertTrue(m.javaFeature() >= 17, "javaFeature " + m.javaFeature());
    }

    @Test
    void toTableHasTenPropertiesInTwoColumns() {
        Machine m = Machine.current();
        Table t = m.toTable();
        assertEquals("machine", t.name());
        assertEquals(2, t.columnCount());
        assertEquals(10, t.rowCount());
        assertEquals(List.of("property", "value"), t.columnNames());
        StringColumn property = t.stringColumn("property");
        StringColumn value = t.stringColumn("value");
        assertEquals(List.of("Java", "JVM vendor", "OS", "architecture", "CPU", "cores", "max heap", "memory",
                "CPUs online", "CPU quota"), property.asList());
        assertEquals(Integer.toString(m.cores()), value.get(5));
        assertTrue(value.get(6).matches("\\d+\\.\\d\\d GiB"), value.get(6));
        assertTrue(value.get(7).equals("unknown") || value.get(7).matches("\\d+\\.\\d\\d GiB"), value.get(7));
    }

    @Test
    void cpuListsAreCounted() {
        assertEquals(2, Machine.parseCpuList("0-1\n"));
        assertEquals(3, Machine.parseCpuList("0-1,4"));
        assertEquals(1, Machine.parseCpuList("0"));
        assertEquals(6, Machine.parseCpuList("0-3,8-9"));
    }

    @Test
    void toTableFormatsBytesAsGibAndUnknownMemory() {
        Machine m = new Machine("17.0.15+6", "Debian", "Linux 6.1", "amd64", "Some CPU", 4, 1L << 30, -1);
        List<String> values = m.toTable().stringColumn("value").asList();
        assertEquals(List.of("17.0.15+6", "Debian", "Linux 6.1", "amd64", "Some CPU", "4", "1.00 GiB", "unknown",
                "unknown", "none below the CPUs online"), values);
        Machine pod = new Machine("17", "v", "os", "arch", "cpu", 2, 1L << 30, 2L << 30, 32, 1.5);
        assertTrue(pod.quotaLimited());
        assertEquals(List.of("32", "1.50 CPUs (native pools sized to 2)"),
                pod.toTable().stringColumn("value").asList().subList(8, 10));
        Machine big = new Machine("17", "v", "os", "arch", "cpu", 1, 3L << 29, 16L << 30);
        assertEquals("1.50 GiB", big.toTable().stringColumn("value").get(6));
        assertEquals("16.00 GiB", big.toTable().stringColumn("value").get(7));
    }
}
