package io.raqib.app.bench;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.matching.WatchMatch;
import io.raqib.sink.watches.WatchRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Two watch registries holding the same watches, run over the same articles: how many articles each watch
 * matched in the reference, how many pairs the candidate found, and the (watch, article) pairs only one of them
 * found. Article ids must be unique, so comparing article by article is comparing the two sets of pairs.
 */
public record MatchComparison(Map<String, Long> referenceMatches, long candidatePairs,
                              List<MatchDifference> differences) {

    /** Matches every article with both registries (articles in parallel) and compares the watch ids found. */
    public static MatchComparison of(WatchRegistry reference, String referenceName, WatchRegistry candidate,
                                     String candidateName, List<EnrichedArticle> articles) {
        List<ArticleComparison> each = articles.parallelStream()
                .map(a -> ArticleComparison.of(a, reference.match(a), referenceName, candidate.match(a),
                        candidateName))
                .toList();
        return new MatchComparison(
                each.stream().flatMap(c -> c.referenceIds().stream())
                        .collect(Collectors.groupingBy(id -> id, TreeMap::new, Collectors.counting())),
                each.stream().mapToLong(ArticleComparison::candidatePairs).sum(),
                each.stream().flatMap(c -> c.differences().stream()).toList());
    }

    /** The (watch, article) pairs the reference found. */
    public long referencePairs() {
        return referenceMatches.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The first {@code limit} differences, one line each. */
    public List<String> firstDifferences(int limit) {
        return differences.stream().limit(limit).map(MatchDifference::describe).toList();
    }

    /** One article's side of the comparison. */
    private record ArticleComparison(List<String> referenceIds, long candidatePairs,
                                     List<MatchDifference> differences) {

        static ArticleComparison of(EnrichedArticle article, List<WatchMatch> reference, String referenceName,
                                    List<WatchMatch> candidate, String candidateName) {
            Map<String, Watch> onlyReference = byId(reference);
            Map<String, Watch> onlyCandidate = byId(candidate);
            onlyReference.keySet().removeAll(byId(candidate).keySet());
            onlyCandidate.keySet().removeAll(byId(reference).keySet());
            List<MatchDifference> out = new ArrayList<>();
            onlyReference.values().forEach(w -> out.add(new MatchDifference(w, article, referenceName)));
            onlyCandidate.values().forEach(w -> out.add(new MatchDifference(w, article, candidateName)));
            return new ArticleComparison(reference.stream().map(m -> m.watch().id()).toList(), candidate.size(),
                    out);
        }

        private static Map<String, Watch> byId(List<WatchMatch> matches) {
            Map<String, Watch> out = new TreeMap<>();
            matches.forEach(m -> out.put(m.watch().id(), m.watch()));
            return out;
        }
    }
}
