package com.consento.audiences;

import com.consento.shared.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a rule from its JSON form (maps, lists, numbers and strings as any JSON reader gives them) and says
 * exactly where a malformed rule is wrong (a JSON Pointer under {@code base}).
 */
public final class RuleParser {
    static final int MAX_DEPTH = 32;
    static final int MAX_NODES = 2_000;

    private RuleParser() {
    }

    public static Rule parse(Object json, String base) {
        int[] nodes = {0};
        return parse(json, base, 0, nodes);
    }

    private static Rule parse(Object json, String at, int depth, int[] nodes) {
        if (depth > MAX_DEPTH || ++nodes[0] > MAX_NODES) {
            throw new InvalidRequest("the rule is too deep or too large (at most " + MAX_DEPTH + " levels and "
                    + MAX_NODES + " nodes)", at);
        }
        if (!(json instanceof Map<?, ?> node)) {
            throw new InvalidRequest("a rule is an object: {\"all\":[…]}, {\"any\":[…]}, {\"not\":…} or "
                    + "{\"attr\", \"op\", \"value\"}", at);
        }
        if (node.containsKey("all") || node.containsKey("any")) {
            String key = node.containsKey("all") ? "all" : "any";
            if (!(node.get(key) instanceof List<?> items)) {
                throw new InvalidRequest("\"" + key + "\" takes a list of rules", at + "/" + key);
            }
            List<Rule> rules = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                rules.add(parse(items.get(i), at + "/" + key + "/" + i, depth + 1, nodes));
            }
            return key.equals("all") ? new Rule.All(rules, at) : new Rule.Any(rules, at);
        }
        if (node.containsKey("not")) {
            return new Rule.Not(parse(node.get("not"), at + "/not", depth + 1, nodes), at);
        }
        return predicate(node, at);
    }

    private static Rule.Predicate predicate(Map<?, ?> node, String at) {
        if (!(node.get("attr") instanceof String attr) || attr.isBlank()) {
            throw new InvalidRequest("a comparison names its attribute: {\"attr\": \"tier\", \"op\": \"eq\", "
                    + "\"value\": \"gold\"}", at + "/attr");
        }
        Rule.Op op;
        try {
            op = Rule.Op.valueOf(String.valueOf(node.get("op")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("op is one of eq, in, gt, gte, lt, lte, between", at + "/op");
        }
        Object value = node.get("value");
        if (value == null) {
            throw new InvalidRequest("a comparison needs a value", at + "/value");
        }
        List<Rule.Value> values = new ArrayList<>();
        if (op == Rule.Op.IN || op == Rule.Op.BETWEEN) {
            if (!(value instanceof List<?> list) || list.isEmpty() || list.stream().anyMatch(v -> v == null)) {
                throw new InvalidRequest("'" + op.name().toLowerCase(Locale.ROOT) + "' takes a list of values",
                        at + "/value");
            }
            if (op == Rule.Op.BETWEEN && list.size() != 2) {
                throw new InvalidRequest("'between' takes [low, high], both included", at + "/value");
            }
            list.forEach(v -> values.add(Rule.Value.of(v)));
        } else {
            if (value instanceof List<?> || value instanceof Map<?, ?>) {
                throw new InvalidRequest("'" + op.name().toLowerCase(Locale.ROOT) + "' takes one value", at + "/value");
            }
            values.add(Rule.Value.of(value));
        }
        return new Rule.Predicate(attr.strip(), op, values, at);
    }
}
