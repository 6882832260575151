package kr.mokmin.triage.duplicate;

import java.util.Arrays;

/**
 * Fingerprint → entry slots, in primitive arrays: an open-addressing table of int keys whose values head linked
 * lists of postings. Boxed maps would cost ~70 bytes per posting; this costs about 20 (8 for the posting, 12 for a
 * key slot at the table's load). Not thread-safe: the index guards it with its lock.
 */
final class PostingTable {

    private static final int EMPTY_KEY_SLOT = -1;

    private int[] keys;
    /** Head posting of each key's list, or -1; {@code EMPTY_KEY_SLOT} marks a never-used table slot. */
    private int[] heads;
    private int[] counts;
    private int usedSlots;
    private int liveKeys;

    private int[] postingSlot;
    private int[] postingNext;
    private int postings;
    private int freePosting = -1;
    private int livePostings;

    PostingTable(int expectedPostings) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedPostings * 2 - 1)) << 1;
        keys = new int[capacity];
        heads = new int[capacity];
        counts = new int[capacity];
        Arrays.fill(heads, EMPTY_KEY_SLOT);
        postingSlot = new int[Math.max(16, expectedPostings)];
        postingNext = new int[postingSlot.length];
    }

    void add(int key, int entrySlot) {
        int t = findOrInsert(key);
        int p = newPosting();
        postingSlot[p] = entrySlot;
        postingNext[p] = heads[t] < 0 ? -1 : heads[t];
        heads[t] = p;
        if (counts[t]++ == 0) {
            liveKeys++;
        }
        livePostings++;
    }

    void remove(int key, int entrySlot) {
        int t = find(key);
        if (t < 0) {
            return;
        }
        int previous = -1;
        for (int p = heads[t]; p >= 0; previous = p, p = postingNext[p]) {
            if (postingSlot[p] == entrySlot) {
                if (previous < 0) {
                    heads[t] = postingNext[p] < 0 ? -2 : postingNext[p]; // -2: used slot, empty list
                } else {
                    postingNext[previous] = postingNext[p];
                }
                postingNext[p] = freePosting;
                freePosting = p;
                livePostings--;
                if (--counts[t] == 0) {
                    liveKeys--;
                }
                return;
            }
        }
    }

    /** How many entries hold the key. */
    int count(int key) {
        int t = find(key);
        return t < 0 ? 0 : counts[t];
    }

    /**
     * The first posting of the key, or a negative number; walk on with {@link #next} (no lambda on the query path).
     */
    int first(int key) {
        int t = find(key);
        return t < 0 ? -1 : heads[t];
    }

    int next(int posting) {
        return postingNext[posting];
    }

    /** The entry slot a posting points at. */
    int slot(int posting) {
        return postingSlot[posting];
    }

    int livePostings() {
        return livePostings;
    }

    /** Bytes held by the arrays (what the postings cost in memory). */
    long bytes() {
        return 12L * keys.length + 8L * postingSlot.length;
    }

    private int find(int key) {
        int mask = keys.length - 1;
        for (int t = mix(key) & mask; ; t = (t + 1) & mask) {
            if (heads[t] == EMPTY_KEY_SLOT) {
                return -1;
            }
            if (keys[t] == key) {
                return t;
            }
        }
    }

    private int findOrInsert(int key) {
        if ((usedSlots + 1) * 2 > keys.length) {
            rehash();
        }
        int mask = keys.length - 1;
        for (int t = mix(key) & mask; ; t = (t + 1) & mask) {
            if (heads[t] == EMPTY_KEY_SLOT) {
                keys[t] = key;
                heads[t] = -2;
                usedSlots++;
                return t;
            }
            if (keys[t] == key) {
                return t;
            }
        }
    }

    /** Grows the table, or just drops keys whose lists emptied when live keys fit: removals leave such keys behind. */
    private void rehash() {
        int[] oldKeys = keys;
        int[] oldHeads = heads;
        int[] oldCounts = counts;
        int capacity = keys.length;
        while ((liveKeys + 1) * 4 > capacity) {
            capacity <<= 1;
        }
        keys = new int[capacity];
        heads = new int[capacity];
        counts = new int[capacity];
        Arrays.fill(heads, EMPTY_KEY_SLOT);
        usedSlots = 0;
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] >= 0) {
                int t = mix(oldKeys[i]) & mask;
                while (heads[t] != EMPTY_KEY_SLOT) {
                    t = (t + 1) & mask;
                }
                keys[t] = oldKeys[i];
                heads[t] = oldHeads[i];
                counts[t] = oldCounts[i];
                usedSlots++;
            }
        }
    }

    private int newPosting() {
        if (freePosting >= 0) {
            int p = freePosting;
            freePosting = postingNext[p];
            return p;
        }
        if (postings == postingSlot.length) {
            postingSlot = Arrays.copyOf(postingSlot, postings * 2);
            postingNext = Arrays.copyOf(postingNext, postings * 2);
        }
        return postings++;
    }

    /** Fingerprints are hashes already; a multiply keeps sequential test keys from clustering. */
    private static int mix(int key) {
        return key * 0x9E3779B9 >>> 1;
    }
}
