package org.parlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // integers print as integers
            "0                    | 0",
            "-0.0                 | 0",
            "42                   | 42",
            "-7                   | -7",
            "1000000              | 1000000",
            "123456789012345      | 123456789012345",
            "99999999999999       | 99999999999999",
            // the doc's examples
            "1234.5               | 1234.5",
            "12.3456              | 12.35",
            "0.1234               | 0.1234",
            "1.23e-5              | 1.23e-05",
            // 4 significant digits below 1000, one decimal from 1000 up, trailing zeros trimmed
            "100.25               | 100.3",
            "123456.7             | 123456.7",
            "1.5                  | 1.5",
            "2.00001              | 2",
            "0.5                  | 0.5",
            "0.12344              | 0.1234",
            "0.001                | 0.001",
            "0.0012345            | 0.001234",
            "0.00015              | 0.00015",
            "0.000012345          | 1.23e-05",
            "-1234.5              | -1234.5",
            "-0.25                | -0.25",
            "999.96               | 1000",
            "0.99996              | 1",
            // tiny and huge: three significant digits, exponent form
            "1.234e-7             | 1.23e-07",
            "-4.56e-9             | -4.56e-09",
            "1e-300               | 1e-300",
            "1234567.8            | 1.23e+06",
            "1e15                 | 1e+15",
            "1.5e20               | 1.5e+20",
            "-2.5e30              | -2.5e+30",
            // not numbers
            "NaN                  | NaN",
            "Infinity             | Infinity",
            "-Infinity            | -Infinity",
    })
    void formatsForPeople(double v, String expected) {
        assertEquals(expected, Numbers.format(v));
    }
}
