package kr.mokmin.triage.route;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The binary form of a {@link RouterModel}: a magic and format number, the feature settings, the temperature,
 * the document frequencies of the idf (non-zero ones), the class labels with their example counts, and the
 * weight rows (bucket, then its K weights). Big-endian ({@link DataOutputStream}). A model of 3,000 complaints
 * and 80 departments is a few MB to tens of MB, read in well under a second.
 */
public final class ModelFile {

    private static final long MAGIC = 0x4D4F4B4D494E5254L; // "MOKMINRT"
    private static final int FORMAT = 1;

    private ModelFile() {
    }

    public static void write(RouterModel model, OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.writeLong(MAGIC);
        out.writeInt(FORMAT);
        FeatureExtractor.Config f = model.featureConfig();
        out.writeInt(f.bits());
        out.writeInt(f.minGram());
        out.writeInt(f.maxGram());
        out.writeBoolean(f.nori());
        out.writeFloat(f.titleWeight());
        out.writeInt(f.maxChars());
        out.writeInt(f.noriMaxChars());
        out.writeDouble(model.temperature());

        Idf idf = model.idf();
        out.writeInt(idf.documents());
        int[] df = idf.documentFrequencies();
        int nonZero = 0;
        for (int d : df) {
            if (d != 0) {
                nonZero++;
            }
        }
        out.writeInt(nonZero);
        for (int b = 0; b < df.length; b++) {
            if (df[b] != 0) {
                out.writeInt(b);
                out.writeInt(df[b]);
            }
        }

        LinearModel linear = model.linear();
        String[] labels = linear.labels();
        int[] counts = model.examplesPerClass();
        out.writeInt(labels.length);
        for (int c = 0; c < labels.length; c++) {
            out.writeUTF(labels[c]);
            out.writeInt(counts[c]);
        }
        float[] bias = linear.bias();
        for (float b : bias) {
            out.writeFloat(b);
        }
        // Rows in bucket order; weights of a row are copied under the model's lock so an online update in
        // progress is not written half-applied.
        synchronized (linear) {
            int[] rowOf = linear.rowOf();
            float[] w = linear.weights();
            int k = labels.length;
            out.writeInt(linear.rows());
            for (int b = 0; b < rowOf.length; b++) {
                int r = rowOf[b];
                if (r >= 0) {
                    out.writeInt(b);
                    for (int c = 0; c < k; c++) {
                        out.writeFloat(w[r * k + c]);
                    }
                }
            }
        }
        out.flush();
    }

    public static RouterModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        if (in.readLong() != MAGIC) {
            throw new IOException("not a Mokmin routing model");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported routing model format " + format);
        }
        FeatureExtractor.Config config = new FeatureExtractor.Config(in.readInt(), in.readInt(), in.readInt(),
                in.readBoolean(), in.readFloat(), in.readInt(), in.readInt());
        double temperature = in.readDouble();
        int dims = 1 << config.bits();

        int documents = in.readInt();
        int nonZero = in.readInt();
        int[] df = new int[dims];
        for (int i = 0; i < nonZero; i++) {
            int b = in.readInt();
            df[checkBucket(b, dims)] = in.readInt();
        }
        Idf idf = documents == 0 ? Idf.uniform(dims) : Idf.fromDocumentFrequencies(df, documents);

        int k = in.readInt();
        if (k <= 0 || k > 100_000) {
            throw new IOException("bad class count " + k);
        }
        String[] labels = new String[k];
        int[] counts = new int[k];
        for (int c = 0; c < k; c++) {
            labels[c] = in.readUTF();
            counts[c] = in.readInt();
        }
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            bias[c] = in.readFloat();
        }
        int rows = in.readInt();
        if (rows < 0 || rows > dims) {
            throw new IOException("bad row count " + rows);
        }
        int[] rowOf = new int[dims];
        Arrays.fill(rowOf, -1);
        float[] weights = new float[Math.max(1, rows) * k];
        for (int r = 0; r < rows; r++) {
            int b = checkBucket(in.readInt(), dims);
            rowOf[b] = r;
            for (int c = 0; c < k; c++) {
                weights[r * k + c] = in.readFloat();
            }
        }
        LinearModel linear = new LinearModel(labels, rowOf, bias, weights, rows);
        return new RouterModel(config, idf, linear, temperature, counts);
    }

    private static int checkBucket(int b, int dims) throws IOException {
        if (b < 0 || b >= dims) {
            throw new IOException("bucket " + b + " outside the hash space");
        }
        return b;
    }
}
