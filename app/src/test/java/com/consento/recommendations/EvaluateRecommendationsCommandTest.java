package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateRecommendationsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EvaluateRecommendationsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Twelve customers: A then B (or C then D), on two days, plus a cancelled and a guest line. */
    private Path smallExport() throws IOException {
        StringBuilder csv = new StringBuilder(OnlineRetailReaderTest.HEADER);
        for (int c = 0; c < 12; c++) {
            String first = c % 2 == 0 ? "A" : "C";
            String second = c % 2 == 0 ? "B" : "D";
            csv.append("1").append(c).append(',').append(first).append(",\"FIRST, ITEM\",1,2011-01-01 10:00:00,1.0,")
                    .append(1000 + c).append(".0,United Kingdom\n");
            csv.append("2").append(c).append(',').append(second).append(",SECOND,2,2011-01-02 10:00:00,1.0,")
                    .append(1000 + c).append(".0,United Kingdom\n");
        }
        csv.append("C99,E,CANCELLED,-1,2011-01-03 10:00:00,1.0,1000.0,United Kingdom\n");
        csv.append("98,E,GUEST,1,2011-01-03 10:00:00,1.0,,United Kingdom\n");
        Path file = dir.resolve("small.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void prints_one_json_line_with_model_and_popularity_figures() throws IOException {
        Path file = smallExport();
        assertEquals(0, run("evaluate-recommendations", "--input", file.toString()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.matches("\\{\"hr\":\\d\\.\\d{4},\"ndcg\":\\d\\.\\d{4},\"popularityHr\":\\d\\.\\d{4},"
                + "\"popularityNdcg\":\\d\\.\\d{4},\"customers\":12,\"items\":4}\\R"), printed);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_missing_file_exits_2_and_says_which_file() {
        assertEquals(2, run("--input", dir.resolve("nope.csv.gz").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read input file"), err.toString());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_file_that_is_not_gzip_despite_its_name_exits_2() throws IOException {
        Path file = dir.resolve("plain.csv.gz");
        Files.writeString(file, OnlineRetailReaderTest.HEADER);
        assertEquals(2, run("--input", file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read"), err.toString());
    }

    @Test
    void missing_or_unknown_arguments_exit_2_with_the_usage() {
        assertEquals(2, run("evaluate-recommendations"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--input is required"));
        err.reset();
        assertEquals(2, run("--input"));
        err.reset();
        assertEquals(2, run("--inptu", "x.csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(EvaluateRecommendationsCommand.USAGE));
    }
}
