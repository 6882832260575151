package kr.mokmin.triage.duplicate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import kr.mokmin.triage.facts.Summarizer;

/**
 * The duplicate index in memory: recent complaints' winnowed fingerprints ({@link Fingerprints}) in a posting table,
 * their specific place keys in a second one. {@link #similar} looks up the query's fingerprints and places, scores
 * the candidates by their fingerprint sketches (the 64 smallest fingerprints of each, an unbiased estimate of the
 * overlap of the full sets), and calls a candidate a duplicate when the text
 * similarity reaches {@link Settings#duplicateThreshold()}, or the lower {@link Settings#samePlaceThreshold()} when
 * both name the same address or landmark. {@link #add} links a complaint to the duplicates it finds, so
 * {@link #groups()} is the connected components of those links. Complaints older than the window are evicted;
 * at most {@link Settings#maxEntries()} are kept (the oldest go first). Thread-safe: reads share a lock, writes
 * take it alone.
 *
 * <p>Place keys are those of {@code RuleFactExtractor}: {@code road:…}, {@code lot:…} and {@code landmark:…} are
 * places; {@code dong:…} is an area and does not make two complaints "same place".
 */
public final class WinnowingDuplicateIndex implements DuplicateIndex {

    /**
     * @param window              complaints received longer ago than this are forgotten
     * @param maxEntries          most complaints kept; beyond it the oldest are forgotten (bounds memory)
     * @param duplicateThreshold  text similarity from which a complaint is a near-duplicate
     * @param samePlaceThreshold  the same, when both name the same address or landmark
     * @param minSimilarity       similar complaints below this are not reported (unless at the same place)
     * @param shingle             characters per k-gram
     * @param winnow              k-grams per winnowing window
     * @param commonPosting       a fingerprint held by more complaints than this (a stock phrase) finds only its newest
     *                            holders as candidates
     * @param sketch              fingerprints kept per complaint (the smallest): bounds memory and query time
     */
    public record Settings(Duration window, int maxEntries, double duplicateThreshold, double samePlaceThreshold,
                           double minSimilarity, int shingle, int winnow, int commonPosting, int sketch) {

        public Settings {
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive");
            }
            if (maxEntries < 1 || shingle < 1 || winnow < 1 || commonPosting < 1 || sketch < 1) {
                throw new IllegalArgumentException("maxEntries, shingle, winnow, commonPosting and sketch must be positive");
            }
            if (samePlaceThreshold > duplicateThreshold) {
                throw new IllegalArgumentException("samePlaceThreshold must not exceed duplicateThreshold");
            }
        }

        /** Calibrated on the complaint sets: docs/triage-duplicates.md. */
        public static Settings defaults() {
            return new Settings(Duration.ofDays(90), 200_000, 0.50, 0.35, 0.15, 4, 12, 32, 64);
        }

        public Settings withWindow(Duration newWindow) {
            return new Settings(newWindow, maxEntries, duplicateThreshold, samePlaceThreshold, minSimilarity, shingle,
                    winnow, commonPosting, sketch);
        }

        public Settings withThresholds(double duplicate, double samePlace) {
            return new Settings(window, maxEntries, duplicate, samePlace, minSimilarity, shingle, winnow,
                    commonPosting, sketch);
        }

        public Settings withMaxEntries(int max) {
            return new Settings(window, max, duplicateThreshold, samePlaceThreshold, minSimilarity, shingle, winnow,
                    commonPosting, sketch);
        }

        public Settings withShingles(int k, int w) {
            return new Settings(window, maxEntries, duplicateThreshold, samePlaceThreshold, minSimilarity, k, w,
                    commonPosting, sketch);
        }
    }

    /** The newest complaints at one place that get the same-place rule (a busy 역 or 구청 has hundreds). */
    private static final int PLACE_CANDIDATES = 32;
    private static final int LABEL_CHARS = 60;
    /** Fingerprint candidates that get scored: those sharing the most rare fingerprints with the query. */
    private static final int VERIFY = 64;
    /** Newest holders of a common fingerprint that become candidates. */
    private static final int COMMON_SAMPLE = 16;

    private final Settings settings;
    private final Summarizer summarizer;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private final Map<String, Entry> byReceipt = new HashMap<>();
    private Entry[] slots = new Entry[1024];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int nextSlot;
    private final PostingTable fingerprints = new PostingTable(1 << 16);
    private final Map<String, List<Entry>> byPlace = new HashMap<>();
    private final PriorityQueue<Entry> byAge = new PriorityQueue<>(Comparator.comparingLong((Entry e) -> e.receivedAt)
            .thenComparingLong(e -> e.serial));
    private long serials;

    public WinnowingDuplicateIndex(Settings settings, Summarizer summarizer, Clock clock) {
        this.settings = settings;
        this.summarizer = summarizer;
        this.clock = clock;
    }

    /** What is kept of one complaint. Mutable links only; guarded by the index's lock. */
    private static final class Entry {
        final String receiptNo;
        final int slot;
        final long serial;
        final long receivedAt;
        final Fingerprints.Sketch sketch;
        final String[] places;
        final String label;
        final List<Entry> links = new ArrayList<>(0);
        boolean live = true;

        Entry(String receiptNo, int slot, long serial, long receivedAt, Fingerprints.Sketch sketch, String[] places,
              String label) {
            this.receiptNo = receiptNo;
            this.slot = slot;
            this.serial = serial;
            this.receivedAt = receivedAt;
            this.sketch = sketch;
            this.places = places;
            this.label = label;
        }
    }

    @Override
    public void add(RecentComplaint complaint) {
        Fingerprints.Sketch fp = Fingerprints.sketch(complaint.maskedTitle(), complaint.maskedBody(),
                settings.shingle(), settings.winnow(), settings.sketch());
        String[] places = specificPlaces(complaint.placeKeys());
        String label = summarizer.summarize(complaint.maskedTitle(), complaint.maskedBody(), LABEL_CHARS);
        long receivedAt = complaint.receivedAt() == null ? clock.millis() : complaint.receivedAt().toEpochMilli();
        lock.writeLock().lock();
        try {
            long now = clock.millis();
            evictOlderThan(now - settings.window().toMillis());
            if (receivedAt < now - settings.window().toMillis()) {
                return; // already outside the window: nothing to keep
            }
            Entry old = byReceipt.get(complaint.receiptNo());
            if (old != null) {
                removeEntry(old);
            }
            Entry entry = new Entry(complaint.receiptNo(), allocateSlot(), serials++, receivedAt, fp, places, label);
            for (Scored s : score(fp, places, now)) {
                if (s.duplicate) {
                    entry.links.add(s.entry);
                    s.entry.links.add(entry);
                }
            }
            slots[entry.slot] = entry;
            byReceipt.put(entry.receiptNo, entry);
            for (int f : fp.values()) {
                fingerprints.add(f, entry.slot);
            }
            for (String place : places) {
                byPlace.computeIfAbsent(place, p -> new ArrayList<>()).add(entry);
            }
            byAge.add(entry);
            while (byReceipt.size() > settings.maxEntries()) {
                removeEntry(oldestLive());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void remove(String receiptNo) {
        lock.writeLock().lock();
        try {
            Entry entry = byReceipt.get(receiptNo);
            if (entry != null) {
                removeEntry(entry);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A complaint already in the index finds itself (similarity 1): callers triaging a stored complaint drop
     * its own receipt number from the answer.
     */
    @Override
    public List<SimilarComplaint> similar(String maskedTitle, String maskedBody, Set<String> placeKeys, int k) {
        if (k <= 0) {
            return List.of();
        }
        Fingerprints.Sketch fp = Fingerprints.sketch(maskedTitle, maskedBody, settings.shingle(), settings.winnow(),
                settings.sketch());
        String[] places = specificPlaces(placeKeys);
        lock.readLock().lock();
        try {
            List<Scored> scored = score(fp, places, clock.millis());
            List<SimilarComplaint> out = new ArrayList<>(Math.min(k, scored.size()));
            for (int i = 0; i < scored.size() && out.size() < k; i++) {
                Scored s = scored.get(i);
                out.add(new SimilarComplaint(s.entry.receiptNo, s.similarity, s.samePlace, s.duplicate));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<ComplaintGroup> groups() {
        lock.readLock().lock();
        try {
            long oldest = clock.millis() - settings.window().toMillis();
            Set<Entry> seen = new HashSet<>();
            List<List<Entry>> components = new ArrayList<>();
            for (Entry start : byReceipt.values()) {
                if (start.links.isEmpty() || start.receivedAt < oldest || !seen.add(start)) {
                    continue;
                }
                List<Entry> members = new ArrayList<>();
                List<Entry> stack = new ArrayList<>(List.of(start));
                while (!stack.isEmpty()) {
                    Entry e = stack.removeLast();
                    members.add(e);
                    for (Entry next : e.links) {
                        if (next.live && next.receivedAt >= oldest && seen.add(next)) {
                            stack.add(next);
                        }
                    }
                }
                if (members.size() >= 2) {
                    components.add(members);
                }
            }
            List<ComplaintGroup> groups = new ArrayList<>(components.size());
            components.sort(Comparator.comparingInt((List<Entry> c) -> c.size()).reversed()
                    .thenComparing(Comparator.comparingLong(WinnowingDuplicateIndex::latest).reversed()));
            for (List<Entry> members : components) {
                // the label is the best-connected member's summary: the most typical of the group
                Entry representative = members.stream()
                        .max(Comparator.comparingInt((Entry e) -> e.links.size())
                                .thenComparing(Comparator.comparingLong((Entry e) -> e.serial).reversed()))
                        .orElseThrow();
                members.sort(Comparator.comparingLong((Entry e) -> e.receivedAt).thenComparingLong(e -> e.serial));
                groups.add(new ComplaintGroup(representative.label,
                        members.stream().map(e -> e.receiptNo).toList()));
            }
            return groups;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Complaints held now. */
    public int size() {
        lock.readLock().lock();
        try {
            return byReceipt.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Settings settings() {
        return settings;
    }

    private static long latest(List<Entry> members) {
        long latest = Long.MIN_VALUE;
        for (Entry e : members) {
            latest = Math.max(latest, e.receivedAt);
        }
        return latest;
    }

    // --- scoring ------------------------------------------------------------------------------------------------

    private record Scored(Entry entry, double similarity, boolean samePlace, boolean duplicate, double rank) {
    }

    /**
     * Candidates from shared fingerprints (stock phrases excluded) and shared places, best first. Fingerprint
     * candidates are counted per slot in scratch arrays; only the {@link #VERIFY} with the most shared rare
     * fingerprints are scored (a candidate sharing few of them cannot reach a useful similarity).
     */
    private List<Scored> score(Fingerprints.Sketch sketch, String[] places, long now) {
        int[] fp = sketch.values();
        long oldest = now - settings.window().toMillis();
        Scratch s = scratch.get();
        s.ensure(slots.length, fp.length);
        for (int f : fp) {
            // a stock phrase (or a mass campaign's text) is held by many: only its newest holders are candidates,
            // so that the 500th copy of a petition still finds the latest copies without walking all of them
            int budget = fingerprints.count(f) > settings.commonPosting() ? COMMON_SAMPLE : Integer.MAX_VALUE;
            for (int p = fingerprints.first(f); p >= 0 && budget-- > 0; p = fingerprints.next(p)) {
                int slot = fingerprints.slot(p);
                if (s.counts[slot]++ == 0) {
                    s.touched[s.touchedCount++] = slot;
                }
            }
        }
        int minCount = 1;
        if (s.touchedCount > VERIFY) {
            // the count that keeps about VERIFY candidates: a histogram, no sort
            for (int i = 0; i < s.touchedCount; i++) {
                s.histogram[Math.min(s.counts[s.touched[i]], fp.length)]++;
            }
            int kept = 0;
            for (int c = fp.length; c >= 1; c--) {
                if (kept > 0 && kept + s.histogram[c] > VERIFY) {
                    break;
                }
                kept += s.histogram[c];
                minCount = c;
            }
            Arrays.fill(s.histogram, 0, fp.length + 1, 0);
        }
        // complaints at the same place (the newest few) get scored whenever they share any fingerprint
        Set<Entry> atPlace = new HashSet<>();
        for (String place : places) {
            List<Entry> here = byPlace.get(place);
            if (here != null) {
                for (int i = here.size() - 1; i >= 0 && i >= here.size() - PLACE_CANDIDATES; i--) {
                    atPlace.add(here.get(i));
                }
            }
        }
        Set<Entry> candidates = new HashSet<>();
        for (int i = 0; i < s.touchedCount; i++) {
            int slot = s.touched[i];
            if (s.counts[slot] >= minCount || atPlace.contains(slots[slot])) {
                candidates.add(slots[slot]);
            }
            s.counts[slot] = 0;
        }
        s.touchedCount = 0;
        List<Scored> out = new ArrayList<>();
        for (Entry e : candidates) {
            if (e.receivedAt < oldest) {
                continue;
            }
            double similarity = Fingerprints.similarity(sketch, e.sketch);
            boolean samePlace = atPlace.contains(e);
            if (similarity < settings.minSimilarity() && !(samePlace && similarity > 0)) {
                continue;
            }
            boolean duplicate = similarity >= settings.duplicateThreshold()
                    || (samePlace && similarity >= settings.samePlaceThreshold());
            // rank: duplicates first, then by similarity with a same-place bonus
            double rank = (duplicate ? 1 : 0) + similarity + (samePlace ? 0.1 : 0);
            out.add(new Scored(e, similarity, samePlace, duplicate, rank));
        }
        out.sort(Comparator.comparingDouble(Scored::rank).reversed()
                .thenComparing(Comparator.comparingLong((Scored x) -> x.entry.receivedAt).reversed())
                .thenComparing(Comparator.comparingLong((Scored x) -> x.entry.serial).reversed()));
        return out;
    }

    /** Per-thread counters for {@link #score}, indexed by entry slot; all zero between calls. */
    private static final class Scratch {
        int[] counts = new int[0];
        int[] touched = new int[0];
        int[] histogram = new int[0];
        int touchedCount;

        void ensure(int slotCount, int fingerprintCount) {
            if (counts.length < slotCount) {
                counts = new int[slotCount];
                touched = new int[slotCount];
            }
            if (histogram.length < fingerprintCount + 2) {
                histogram = new int[fingerprintCount + 2];
            }
        }
    }

    private static String[] specificPlaces(Set<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return new String[0];
        }
        return keys.stream().filter(k -> k != null && !k.startsWith("dong:")).distinct().sorted()
                .toArray(String[]::new);
    }

    // --- bookkeeping ------------------------------------------------------------------------------------------

    private void evictOlderThan(long oldest) {
        while (!byAge.isEmpty() && byAge.peek().receivedAt < oldest) {
            Entry e = byAge.poll();
            if (e.live) {
                removeEntry(e);
            }
        }
    }

    private Entry oldestLive() {
        while (!byAge.peek().live) {
            byAge.poll();
        }
        return byAge.peek();
    }

    private void removeEntry(Entry entry) {
        entry.live = false;
        byReceipt.remove(entry.receiptNo);
        for (int f : entry.sketch.values()) {
            fingerprints.remove(f, entry.slot);
        }
        for (String place : entry.places) {
            List<Entry> here = byPlace.get(place);
            if (here != null) {
                here.remove(entry);
                if (here.isEmpty()) {
                    byPlace.remove(place);
                }
            }
        }
        for (Entry other : entry.links) {
            other.links.remove(entry);
        }
        entry.links.clear();
        slots[entry.slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = entry.slot;
        if (byAge.size() > 2 * byReceipt.size() + 1024) {
            byAge.removeIf(e -> !e.live); // removed entries are dropped from the heap lazily; don't let them pile up
        }
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (nextSlot == slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        return nextSlot++;
    }

    /** Receipt numbers held now, oldest first (for tests and the evaluation). */
    List<String> receiptNos() {
        lock.readLock().lock();
        try {
            return byReceipt.values().stream().sorted(Comparator.comparingLong((Entry e) -> e.receivedAt)
                    .thenComparingLong(e -> e.serial)).map(e -> e.receiptNo).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bytes held by the posting arrays. */
    long postingBytes() {
        lock.readLock().lock();
        try {
            return fingerprints.bytes();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Heap the index holds, estimated from its structures (posting arrays at their capacity; per entry its sketch,
     * label and receipt number, the entry, map and queue objects at 64-bit compressed-oops sizes).
     */
    long estimatedBytes() {
        lock.readLock().lock();
        try {
            long bytes = fingerprints.bytes() + 8L * slots.length;
            for (Entry e : byReceipt.values()) {
                bytes += 16 + 4L * e.sketch.values().length + 16; // the sketch's array and record
                bytes += 40 + 2L * e.label.length() + 40 + 2L * e.receiptNo.length(); // the two strings
                bytes += 56 + 40 + 8L * e.links.size(); // the entry and its link list
                bytes += 48 + 8; // its node in byReceipt and slot in the age queue
                bytes += 24L * e.places.length; // place-list slots (the key strings are shared)
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

}
