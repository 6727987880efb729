public import FormationStorage

/// "Did you mean": the nearest of some words to what a person typed, without regard to case and
/// accents, within a few typing mistakes. For mistyped commands, options and names alike.
public enum Suggestions {
    public static func nearest(to typed: String, among words: [String], limit: Int = 2) -> [String] {
        NameFolding.suggestions(for: typed, among: words, limit: limit)
    }
}
