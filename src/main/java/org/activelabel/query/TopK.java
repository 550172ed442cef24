package org.activelabel.query;

import java.util.PriorityQueue;

/** Indices of the largest values, largest first; ties go to the lower index. */
public final class TopK {

    private TopK() {
    }

    public static int[] indicesOfLargest(double[] values, int k) {
        int n = Math.max(0, Math.min(k, values.length));
        // min-heap of the best n seen so far: O(N log k), fine for 10^5 items
        PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, (a, b) -> {
            int c = Double.compare(values[a], values[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < values.length && n > 0; i++) {
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

    /** All indices, largest value first; ties keep the lower index first. */
    public static int[] indicesByDescending(double[] values) {
        int[] order = new int[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // stable merge sort on primitive ints: no boxing for 10^5 items
        int[] buffer = new int[order.length];
        for (int width = 1; width < order.length; width *= 2) {
            for (int lo = 0; lo < order.length - width; lo += 2 * width) {
                merge(values, order, buffer, lo, lo + width, Math.min(lo + 2 * width, order.length));
            }
        }
        return order;
    }

    private static void merge(double[] values, int[] order, int[] buffer, int lo, int mid, int hi) {
        System.arraycopy(order, lo, buffer, lo, hi - lo);
        int left = lo;
        int right = mid;
        for (int out = lo; out < hi; out++) {
            if (right >= hi || (left < mid && Double.compare(values[buffer[left]], values[buffer[right]]) >= 0)) {
                order[out] = buffer[left++];
            } else {
                order[out] = buffer[right++];
            }
        }
    }
}
