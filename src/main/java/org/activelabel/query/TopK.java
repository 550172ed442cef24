package org.activelabel.query;

import java.util.PriorityQueue;

/** Indices of the k largest values, largest first; ties go to the lower index. */
public final class TopK {

    private TopK() {
    }

    public static int[] indicesOfLargest(double[] values, int k) {
        int n = Math.min(k, values.length);
        // min-heap of the best n seen so far: O(N log k), fine for 10^5 items
        PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, (a, b) -> {
            int c = Double.compare(values[a], values[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < values.length; i++) {
            heap.add(i);
            if (heap.size() > n) {
                heap.poll();
            }
        }
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = heap.poll();
        }
        return out;
    }
}
