package com.consento.audiences;

import java.math.BigDecimal;
import java.util.List;

/**
 * A segment rule as the contract writes it: {@code {"all":[…]} | {"any":[…]} | {"not":…} |
 * {"attr", "op", "value"}}. {@code pointer} is where the rule sits in the request, for error messages.
 */
public sealed interface Rule {

    String pointer();

    record All(List<Rule> rules, String pointer) implements Rule {
        public All {
            rules = List.copyOf(rules);
        }
    }

    record Any(List<Rule> rules, String pointer) implements Rule {
        public Any {
            rules = List.copyOf(rules);
        }
    }

    record Not(Rule rule, String pointer) implements Rule {
    }

    /** One comparison; {@code values} holds one value, two for {@code between}, any number for {@code in}. */
    record Predicate(String attr, Op op, List<Value> values, String pointer) implements Rule {
        public Predicate {
            values = List.copyOf(values);
        }
    }

    enum Op { EQ, IN, GT, GTE, LT, LTE, BETWEEN }

    /** A value as written: a number (kept exact) or a text. */
    record Value(BigDecimal number, String text) {
        static Value of(Object raw) {
            if (raw instanceof Number n) {
                return new Value(new BigDecimal(n.toString()), n.toString());
            }
            String s = String.valueOf(raw).strip();
            try {
                return new Value(new BigDecimal(s), s);
            } catch (NumberFormatException e) {
                return new Value(null, s);
            }
        }
    }

    static Predicate attr(String attr, Op op, Object... values) {
        return new Predicate(attr, op, java.util.Arrays.stream(values).map(Value::of).toList(), "");
    }

    static All all(Rule... rules) {
        return new All(List.of(rules), "");
    }

    static Any any(Rule... rules) {
        return new Any(List.of(rules), "");
    }

    static Not not(Rule rule) {
        return new Not(rule, "");
    }
}
