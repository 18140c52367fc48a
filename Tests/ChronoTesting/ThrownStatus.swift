public import ChronoProtocol

/// The wire status of what `body` threw, or `nil` when it threw nothing or an error without a status.
public func thrownStatus(_ body: () throws -> Void) -> ChronoError? {
    do {
        try body()
        return nil
    } catch let error as any StatusConvertible {
        return error.status
    } catch {
        return nil
    }
}
