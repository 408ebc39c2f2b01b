package io.github.querylint.core.extract;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Node#findAll(Class)} for the nodes extraction asks about again and again (every method
 * call of the file, its fields, its types): the subtree is walked once, and the nodes of each
 * type are kept on the root node. On a real code base the repeated walks were a fifth of a scan.
 * Same nodes, same (pre)order as {@code findAll}; the lists are read-only. A tree must not change
 * once asked (extraction only reads it), and belongs to one thread.
 */
public final class Nodes {

    private static final DataKey<Map<Class<?>, List<?>>> BY_TYPE = new DataKey<>() {
    };

    private Nodes() {
    }

    /** The nodes of {@code root}'s subtree (itself included) that are a {@code type}, in preorder. */
    @SuppressWarnings("unchecked")
    public static <T extends Node> List<T> all(Node root, Class<T> type) {
        Map<Class<?>, List<?>> byType;
        if (root.containsData(BY_TYPE)) {
            byType = root.getData(BY_TYPE);
        } else {
            byType = new HashMap<>();
            byType.put(Node.class, Collections.unmodifiableList(walk(root)));
            root.setData(BY_TYPE, byType);
        }
        List<?> found = byType.get(type);
        if (found == null) {
            List<T> matching = new ArrayList<>();
            for (Object n : byType.get(Node.class)) {
                if (type.isInstance(n)) {
                    matching.add((T) n);
                }
            }
            found = Collections.unmodifiableList(matching);
            byType.put(type, found);
        }
        return (List<T>) found;
    }

    /** Every node of the subtree in preorder, as JavaParser's own walk visits them. */
    private static List<Node> walk(Node root) {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            List<Node> children = n.getChildNodes();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return out;
    }
}
