package org.parlab.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a magic ({@code -r 7 -n 100 ...}) followed by the rest of the line (the expression of a line
 * magic). Options come first, each a dash, a letter and a value; the first token that is not a known option
 * starts the rest.
 *
 * @param magic   the magic's name, for messages
 * @param numbers numeric options given, by letter
 * @param texts   text options given, by letter
 * @param rest    what follows the options, joined by single spaces ({@code ""} for a cell magic's line)
 */
public record MagicOptions(String magic, Map<String, Integer> numbers, Map<String, String> texts, String rest) {
    /** Copies. */
    public MagicOptions {
        numbers = Map.copyOf(numbers);
        texts = Map.copyOf(texts);
    }

    /**
     * Parses {@code tokens}. {@code numeric} maps each numeric option letter to its {min, max}; {@code text}
     * lists the options that take a word.
     *
     * @throws IllegalArgumentException for an unknown option, a missing or non-numeric value, or a value out of
     *                                  range, naming the option and the magic's usage
     */
    public static MagicOptions parse(String magic, List<String> tokens, Map<String, int[]> numeric,
            List<String> text, String usage) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        int i = 0;
        List<String> ts = tokens == null ? List.of() : tokens;
        while (i < ts.size()) {
            String t = ts.get(i);
            if (!t.matches("-[a-zA-Z]")) {
                break;
            }
            String name = t.substring(1);
            if (i + 1 >= ts.size()) {
                throw new IllegalArgumentException(magic + ": option " + t + " needs a value. Usage: " + usage);
            }
            String value = ts.get(i + 1);
            if (numeric.containsKey(name)) {
                int v;
                try {
                    v = Integer.parseInt(value.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(magic + ": option " + t + " takes a whole number, got '"
                            + value + "'. Usage: " + usage);
                }
                int[] range = numeric.get(name);
                if (v < range[0] || v > range[1]) {
                    throw new IllegalArgumentException(magic + ": option " + t + " must be between " + range[0]
                            + " and " + range[1] + ", got " + v + ". Usage: " + usage);
                }
                numbers.put(name, v);
            } else if (text.contains(name)) {
                texts.put(name, value);
            } else {
                throw new IllegalArgumentException(magic + ": unknown option " + t + ". Usage: " + usage);
            }
            i += 2;
        }
        rest.addAll(ts.subList(i, ts.size()));
        return new MagicOptions(magic, numbers, texts, String.join(" ", rest).trim());
    }

    /** The numeric option {@code name}, or {@code fallback} if it was not given. */
    public int number(String name, int fallback) {
        return numbers.getOrDefault(name, fallback);
    }

    /** The text option {@code name}, or null if it was not given. */
    public String text(String name) {
        return texts.get(name);
    }
}
