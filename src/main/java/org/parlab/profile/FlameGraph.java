package org.parlab.profile;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws a {@link Profile}'s samples as an icicle graph: roots at the top, callees below. */
final class FlameGraph {
    static final int ROW = 17;
    static final int MAX_DEPTH = 40;
    private static final Color CELL = new Color(0xF2, 0x8E, 0x2B);
    private static final Color JDK = new Color(0xED, 0xC9, 0x48);
    private static final Color LIBRARY = new Color(0x8C, 0xC0, 0x6B);
    private static final Color NATIVE = new Color(0xE1, 0x57, 0x59);

    private FlameGraph() {
    }

    /** A node of the call tree: a frame name and the samples that went through it. */
    static final class Node {
        final String name;
        final Frame frame;
        int count;
        boolean nativeLeaf;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name, Frame frame) {
            this.name = name;
            this.frame = frame;
        }

        int depth() {
            int d = 0;
            for (Node c : children.values()) {
                d = Math.max(d, c.depth());
            }
            return d + 1;
        }
    }

    static Node tree(List<StackSample> samples) {
        Node root = new Node("all", null);
        for (StackSample s : samples) {
            root.count++;
            Node n = root;
            List<Frame> frames = s.frames();
            for (int i = frames.size() - 1; i >= 0; i--) {
                Frame f = frames.get(i);
                String key = f.displayName();
                n = n.children.computeIfAbsent(key, k -> new Node(k, f));
                n.count++;
            }
            if (s.inNative()) {
                n.nativeLeaf = true;
            }
        }
        return root;
    }

    static BufferedImage draw(Profile profile, int width) {
        Node root = tree(profile.samples());
        int depth = Math.min(root.depth(), MAX_DEPTH);
        int height = (depth + 1) * ROW + 4;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%d samples, every %.0f ms, %.0f ms of work (width = share of samples)",
                    profile.sampleCount(), profile.intervalMs(), profile.wallMs()), 4, ROW - 4);
            if (root.count > 0) {
                drawChildren(g, root, 0, width, 1, depth, root.count, width);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void drawChildren(Graphics2D g, Node parent, double x, double w, int level, int maxLevel,
            int total, int width) {
        if (level > maxLevel) {
            return;
        }
        double cx = x;
        for (Node c : parent.children.values()) {
            double cw = w * c.count / parent.count;
            int px = (int) Math.round(cx);
            int pw = (int) Math.round(cx + cw) - px;
            int y = level * ROW;
            if (pw >= 1) {
                g.setColor(color(c));
                g.fillRect(px, y, Math.max(1, pw - 1), ROW - 1);
                if (pw > 24) {
                    g.setColor(Color.BLACK);
                    g.drawString(fit(g.getFontMetrics(), c.name + " (" + Math.round(100.0 * c.count / total) + "%)",
                            pw - 4), px + 2, y + ROW - 5);
                }
                drawChildren(g, c, cx, cw, level + 1, maxLevel, total, width);
            }
            cx += cw;
        }
    }

    private static Color color(Node n) {
        if (n.nativeLeaf && n.children.isEmpty() || "Native".equals(n.frame.kind())) {
            return NATIVE;
        }
        if (n.frame.inCell()) {
            return CELL;
        }
        return n.frame.inJdk() ? JDK : LIBRARY;
    }

    private static String fit(FontMetrics fm, String s, int px) {
        if (fm.stringWidth(s) <= px) {
            return s;
        }
        for (int end = s.length() - 1; end > 0; end--) {
            String t = s.substring(0, end) + "…";
            if (fm.stringWidth(t) <= px) {
                return t;
            }
        }
        return "";
    }
}
