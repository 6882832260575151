package kr.mokmin.triage.route;

import java.util.Arrays;

/**
 * A sparse vector over hashed feature buckets: {@code index} strictly increasing, {@code value} alongside.
 * Arrays are owned by the vector and never changed after construction.
 */
public final class SparseVector {

    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    final int[] index;
    final float[] value;

    SparseVector(int[] index, float[] value) {
        this.index = index;
        this.value = value;
    }

    public int size() {
        return index.length;
    }

    public int index(int i) {
        return index[i];
    }

    public float value(int i) {
        return value[i];
    }

    /** Dot product of two sparse vectors (merge of the sorted indexes). */
    public double dot(SparseVector other) {
        int i = 0;
        int j = 0;
        double sum = 0;
        while (i < index.length && j < other.index.length) {
            int a = index[i];
            int b = other.index[j];
            if (a == b) {
                sum += (double) value[i++] * other.value[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** Dot product with a dense vector indexed by bucket. */
    public double dot(float[] dense) {
        double sum = 0;
        for (int i = 0; i < index.length; i++) {
            sum += (double) value[i] * dense[index[i]];
        }
        return sum;
    }

    public double norm() {
        double s = 0;
        for (float v : value) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(Arrays.copyOf(index, Math.min(8, index.length))) + "… (" + size()
                + ")";
    }
}
