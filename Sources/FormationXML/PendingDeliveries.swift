/// Values a builder has finished but may not hand over yet: validation runs on another thread,
/// and a value goes to the consumer only once validation has passed the element event that
/// closed it, with the document still clean. Shared by every format's builder.
struct PendingDeliveries<Value> {
    private var queue: [(value: Value?, afterEvents: Int)] = []
    private var head = 0

    var isEmpty: Bool { head == queue.count }

    /// Queues `value`, deliverable once `afterEvents` element events are validated.
    mutating func append(_ value: Value, afterEvents: Int) {
        queue.append((value, afterEvents))
    }

    /// Hands `deliver` every queued value whose events are validated, in order; drops them all once
    /// the document is no longer clean. Cheap when validation has not caught up, which is most of
    /// the time.
    mutating func deliver(validatedEvents: Int, isClean: Bool, _ deliver: (Value) throws -> Void) rethrows {
        guard head < queue.count, queue[head].afterEvents <= validatedEvents else { return }
        guard isClean else {
            queue.removeAll()
            head = 0
            return
        }
        while head < queue.count, queue[head].afterEvents <= validatedEvents {
            let value = queue[head].value
            queue[head].value = nil
            head += 1
            if let value { try deliver(value) }
        }
        // Forget delivered slots (the reader is rarely more than a few hundred values ahead).
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }
}
