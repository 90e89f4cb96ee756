package org.parlab.profile;

import java.util.List;

/**
 * One stack sample: which thread, and its frames from the innermost (where it was running) outwards, cut
 * where the profiled code was entered.
 *
 * @param thread the sampled thread's name
 * @param frames the frames, innermost first; never empty
 * @param inNative whether the thread was running native code (e.g. a BLAS routine) when sampled
 */
public record StackSample(String thread, List<Frame> frames, boolean inNative) {
    /** Validates and copies. */
    public StackSample {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("frames must hold at least one frame");
        }
        frames = List.copyOf(frames);
    }

    /** The frame the thread was running. */
    public Frame top() {
        return frames.get(0);
    }
}
