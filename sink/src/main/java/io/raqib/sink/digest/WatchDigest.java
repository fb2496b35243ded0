package io.raqib.sink.digest;

import io.raqib.core.model.Digest.DigestArticle;
import io.raqib.core.model.Digest.DigestStory;
import io.raqib.core.model.Digest.DigestWatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds alerts to one watch's part of a digest, bounded: the first {@link #STORIES_PER_WATCH} stories and the first
 * {@link #ARTICLES_PER_STORY} articles of each are listed, every alert is counted.
 */
final class WatchDigest {

    static final int STORIES_PER_WATCH = 10;
    static final int ARTICLES_PER_STORY = 3;

    private WatchDigest() {
    }

    /** {@code part} (null for the watch's first alert of the period) with {@code entry} added. */
    static DigestWatch plus(DigestWatch part, DigestEntry entry) {
        if (part == null) {
            return new DigestWatch(entry.watchId(), entry.watchName(), 1,
                    List.of(new DigestStory(entry.storyId(), 1, List.of(entry.article()))), 0);
        }
        List<DigestStory> stories = new ArrayList<>(part.stories());
        int moreStories = part.moreStories();
        int at = indexOf(stories, entry.storyId());
        if (at >= 0) {
            DigestStory story = stories.get(at);
            List<DigestArticle> articles = story.articles();
            if (articles.size() < ARTICLES_PER_STORY) {
                articles = new ArrayList<>(articles);
                articles.add(entry.article());
            }
            stories.set(at, new DigestStory(story.storyId(), story.alerts() + 1, List.copyOf(articles)));
        } else if (stories.size() < STORIES_PER_WATCH) {
            stories.add(new DigestStory(entry.storyId(), 1, List.of(entry.article())));
        } else {
            moreStories++;
        }
        // The latest name wins: a watch renamed during the period shows its current name.
        return new DigestWatch(part.watchId(), entry.watchName(), part.alerts() + 1, List.copyOf(stories),
                moreStories);
    }

    private static int indexOf(List<DigestStory> stories, String storyId) {
        for (int i = 0; i < stories.size(); i++) {
            if (stories.get(i).storyId().equals(storyId)) {
                return i;
            }
        }
        return -1;
    }
}
