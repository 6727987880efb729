/// An optional that JSON always shows: `null` when absent, never a missing key (the README's
/// promise for every JSON shape). Swift's synthesized `Encodable` leaves nil optionals out; a
/// wrapped property is encoded through this non-optional wrapper, so its key is always written.
@propertyWrapper
struct NullEncoded<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
