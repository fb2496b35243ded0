package io.raqib.enrich.story;

import java.util.Arrays;
import java.util.List;

/**
 * MinHash signatures: {@code size} independent 32-bit min-hashes of a set of 64-bit feature hashes. The share
 * of equal positions in two signatures estimates the Jaccard similarity of the two sets.
 */
final class MinHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private final long[] seeds;

    /** A family of {@code size} hash functions, the same in every process (fixed seeds). */
    MinHash(int size) {
        seeds = new long[size];
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < size; i++) {
            seed = mix(seed + i);
            seeds[i] = seed;
        }
    }

    /** The signature of the feature set {@code features}; all {@code Integer.MAX_VALUE} for an empty set. */
    int[] signature(long[] features) {
        int[] sig = new int[seeds.length];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (long feature : features) {
            for (int i = 0; i < seeds.length; i++) {
                int h = (int) (mix(feature ^ seeds[i]) >>> 33);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** The estimated Jaccard similarity of the sets behind two signatures of the same family. */
    static double similarity(int[] a, int[] b) {
        if (a == null || b == null || a.length != b.length || a.length == 0) {
            return 0;
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    /** A 64-bit hash of a string (FNV-1a then a finalizer, so short strings spread well). */
    static long hash(String s) {
        return mix(fnv(FNV_OFFSET, s));
    }

    /** The {@link #hash(String)} of {@code terms[from, to)} joined by single spaces, without joining them. */
    static long hash(List<String> terms, int from, int to) {
        long h = FNV_OFFSET;
        for (int t = from; t < to; t++) {
            if (t > from) {
                h = (h ^ ' ') * FNV_PRIME;
            }
            h = fnv(h, terms.get(t));
        }
        return mix(h);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** SplitMix64's finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
