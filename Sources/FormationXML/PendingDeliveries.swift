/// Values a builder has finished but may not hand over yet: validation runs on another thread,
/// and a value goes to the consumer only once validation has passed the element event that
/// closed it, with the document still clean. Shared by every format's builder.
struct PendingDeliveries<Value> {
    // Two arrays rather than one of `(Value?, Int)` tuples: destroying those tuples went through the
    // runtime's generic tuple witness, 8% of the reading thread of `validate` (callgrind).
    private var values: [Value?] = []
    private var afterEvents: [Int] = []
    private var head = 0

    var isEmpty: Bool { head == values.count }

    /// Queues `value`, deliverable once `afterEvents` element events are validated.
    mutating func append(_ value: Value, afterEvents events: Int) {
        values.append(value)
        afterEvents.append(events)
    }

    /// Hands `deliver` every queued value whose events are validated, in order; drops them all once
    /// the document is no longer clean. Cheap when validation has not caught up, which is most of
    /// the time.
    mutating func deliver(validatedEvents: Int, isClean: Bool, _ deliver: (Value) throws -> Void) rethrows {
        guard head < values.count, afterEvents[head] <= validatedEvents else { return }
        guard isClean else {
            values.removeAll()
            afterEvents.removeAll()
            head = 0
            return
        }
        while head < values.count, afterEvents[head] <= validatedEvents {
            let value = values[head].take()
            head += 1
            if let value { try deliver(value) }
        }
        // Forget delivered slots (the reader is rarely more than a few hundred values ahead).
        if head == values.count {
            values.removeAll(keepingCapacity: true)
            afterEvents.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= values.count {
            values.removeFirst(head)
            afterEvents.removeFirst(head)
            head = 0
        }
    }
}
