extension String {
    /// The text with each Unicode scalar for which `replacement` gives a text replaced by it ("" to
    /// leave it out), the others kept. The loop every escaper shares: per scalar, never per
    /// `Character`, so no grapheme cluster hides a metacharacter.
    public func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let text = replacement(scalar) { out += text } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
