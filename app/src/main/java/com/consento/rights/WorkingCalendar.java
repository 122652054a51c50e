package com.consento.rights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in mainland China: weekdays, less public holidays, plus the weekend days the State Council
 * declares working days. A year the calendar file does not cover falls back to plain weekdays; callers can
 * ask {@link #covers(int)} and warn.
 */
public final class WorkingCalendar {
    private final Map<LocalDate, Boolean> exceptions;
    private final Set<Integer> years;

    private WorkingCalendar(Map<LocalDate, Boolean> exceptions, Set<Integer> years) {
        this.exceptions = Map.copyOf(exceptions);
        this.years = Set.copyOf(years);
    }

    /** Lines of {@code YYYY-MM-DD HOLIDAY|WORKDAY [comment]}; '#' starts a comment line. */
    public static WorkingCalendar parse(Reader source) {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        try (BufferedReader in = new BufferedReader(source)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+", 3);
                if (parts.length < 2 || !(parts[1].equals("HOLIDAY") || parts[1].equals("WORKDAY"))) {
                    throw new IllegalArgumentException("calendar line " + n + ": expected 'YYYY-MM-DD HOLIDAY|WORKDAY'");
                }
                LocalDate day = LocalDate.parse(parts[0]);
                exceptions.put(day, parts[1].equals("WORKDAY"));
                years.add(day.getYear());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkingCalendar(exceptions, years);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean declared = exceptions.get(day);
        if (declared != null) {
            return declared;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code from} (the filing day itself does not count). */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    public boolean covers(int year) {
        return years.contains(year);
    }
}
