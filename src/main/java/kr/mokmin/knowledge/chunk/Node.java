package kr.mokmin.knowledge.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit of document structure: a 조 with its 항/호/목, a 부칙, an annex, or a heading section of a guide.
 * {@code [start, end)} covers the node and everything up to the next node at its level or above.
 */
final class Node {

    enum Type { ARTICLE, PARAGRAPH, ITEM, SUBITEM, SUPPLEMENT, ANNEX, PREAMBLE, HEADING, QUESTION }

    final Type type;
    int start;
    int end;
    /** Full locator of this node. */
    String locator;
    /** Short label used in ranges: 제2항, 제3호, 제1호의2, 가목; for headings the title. */
    String label;
    String heading;
    String section;
    /** Between this node's locator and a child's label: "" for 조 (제12조제2항), " " for annexes (별표 1 제2호). */
    String childSeparator = "";
    /** Guide sections: a group of several children is located by the parent's path, not by a range. */
    boolean pathStyle;
    int number;
    int branch;
    int level;
    Node parent;
    final List<Node> children = new ArrayList<>();

    Node(Type type, int start) {
        this.type = type;
        this.start = start;
    }

    /** An FAQ question and its answer: never packed together with a sibling. */
    boolean standalone() {
        return type == Type.QUESTION;
    }

    boolean hasStandaloneChild() {
        for (Node c : children) {
            if (c.standalone()) {
                return true;
            }
        }
        return false;
    }

    Node add(Node child) {
        child.parent = this;
        children.add(child);
        return child;
    }

    Node last() {
        return children.isEmpty() ? null : children.get(children.size() - 1);
    }

    /** Sets every descendant's end to the next sibling's start, the last one's to this node's end. */
    void closeChildren() {
        for (int i = 0; i < children.size(); i++) {
            Node c = children.get(i);
            c.end = i + 1 < children.size() ? children.get(i + 1).start : end;
            c.closeChildren();
        }
    }

    /** Locator of a chunk made of some consecutive children (possibly with this node's lead text). */
    String groupLocator(List<Node> members, boolean withLead) {
        if (members.isEmpty()) {
            return locator;
        }
        if (pathStyle) {
            return members.size() == 1 && !withLead ? members.get(0).locator : locator;
        }
        Node first = members.get(0);
        Node last = members.get(members.size() - 1);
        return locator + childSeparator + first.label + (first == last ? "" : "~" + last.label);
    }

    @Override
    public String toString() {
        return type + " " + locator + " [" + start + ", " + end + ")";
    }
}
