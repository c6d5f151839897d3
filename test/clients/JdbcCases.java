// test/clients/JdbcCases.java: test/clients/cases.tsv read for the JDBC
// client test (the format is in the file's header; cases.py reads the same
// file for the Python tests).

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

class JdbcCases extends JdbcBase {

    // ---- the cases file (format: see the header of cases.tsv)

    /** binary and key are null when cases.tsv gives none. */
    record Value(String type, String input, String canonical, byte[] binary, Integer key) {}

    record Summary(String type, String query, String canonical) {}

    /** detail and hint are null when not checked. */
    record Err(String type, String input, String sqlState, String detail, String hint) {}

    record View(String type, String selectList, List<String[]> columns) {}

    static final class Cases {
        final Set<String> types = new LinkedHashSet<>();
        final Map<String, List<Value>> values = new LinkedHashMap<>();
        final Map<String, List<Summary>> summaries = new LinkedHashMap<>();
        final Map<String, List<Err>> errors = new LinkedHashMap<>();
        final Map<String, List<String>> enumerates = new LinkedHashMap<>();
        final Map<String, List<View>> views = new LinkedHashMap<>();

        static final Map<String, Integer> FIELDS =
                Map.of("value", 5, "summary", 3, "error", 5, "binerror", 3, "enumerate", 2, "view", 3);

        Cases(Path path) throws IOException {
            int lineno = 0;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                lineno++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // keep empty and blank fields: inputs may start or end with blanks
                String[] f = line.split("\t", -1);
                Integer n = FIELDS.get(f[0]);
                if (n == null || f.length != n + 1) {
                    throw new IllegalArgumentException(path + ":" + lineno + ": bad row: " + line);
                }
                String t = f[1];
                types.add(t);
                switch (f[0]) {
                    case "value" -> values.computeIfAbsent(t, k -> new ArrayList<>()).add(new Value(t, f[2], f[3],
                            f[4].equals("-") ? null : HexFormat.of().parseHex(f[4]), Integer.parseInt(f[5])));
                    case "summary" -> {
                        summaries.computeIfAbsent(t, k -> new ArrayList<>()).add(new Summary(t, f[2], f[3]));
                        // and a value like any other, read from its text form
                        values.computeIfAbsent(t, k -> new ArrayList<>()).add(new Value(t, f[3], f[3], null, null));
                    }
                    case "error" -> errors.computeIfAbsent(t, k -> new ArrayList<>())
                            .add(new Err(t, f[2], f[3], orNull(f[4]), orNull(f[5])));
                    case "enumerate" -> enumerates.computeIfAbsent(t, k -> new ArrayList<>()).add(f[2]);
                    case "view" -> {
                        List<String[]> cols = new ArrayList<>();
                        for (String c : f[3].trim().split(" +")) {
                            cols.add(c.split(":", 2));
                        }
                        views.computeIfAbsent(t, k -> new ArrayList<>()).add(new View(t, f[2], cols));
                    }
                    default -> { } // binerror: this driver cannot send binary parameters of a custom type
                }
            }
        }

        static String orNull(String field) {
            return field.equals("-") ? null : field;
        }

        List<Value> values(String t) {
            return values.getOrDefault(t, List.of());
        }

        /** Does t have a documented order (a key on every value)? */
        boolean ordered(String t) {
            return values(t).stream().allMatch(v -> v.key() != null);
        }

        /** The distinct canonical values of t in key order, each with its binary form. */
        Map<String, byte[]> orderedCanonicals(String t) {
            TreeMap<Integer, Map<String, byte[]>> byKey = new TreeMap<>();
            for (Value v : values(t)) {
                byKey.computeIfAbsent(v.key(), k -> new LinkedHashMap<>()).putIfAbsent(v.canonical(), v.binary());
            }
            Map<String, byte[]> out = new LinkedHashMap<>();
            byKey.values().forEach(m -> m.forEach(out::putIfAbsent));
            return out;
        }

        Map<String, Integer> keyOf(String t) {
            Map<String, Integer> m = new LinkedHashMap<>();
            values(t).forEach(v -> m.put(v.canonical(), v.key()));
            return m;
        }
    }
}
