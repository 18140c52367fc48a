/// The window a timeline query was asked for, as the response echoes it.
public struct TimelineWindow: Sendable, Hashable {
    /// The `from` date as given, or `nil`.
    public var from: DateValue?
    /// The `to` date as given, or `nil`.
    public var to: DateValue?
    /// The first day of the window (`from`'s strict lower bound), or `nil` when open.
    public var lower: Day?
    /// The last day of the window (`to`'s strict upper bound), or `nil` when open.
    public var upper: Day?
    /// `certain_first`, `overlaps` or `within`.
    public var mode: TimelineMode

    /// Creates a window.
    public init(from: DateValue?, to: DateValue?, lower: Day?, upper: Day?, mode: TimelineMode) {
        self.from = from
        self.to = to
        self.lower = lower
        self.upper = upper
        self.mode = mode
    }
}

/// One page of a timeline (`chrono.v1.Timeline/Query`).
public struct TimelinePage: GraphResult, Hashable {
    /// The order of events within a group, in words.
    public static let ordering =
        "by lower bound (open start first), then precision finest first (day, month, year, decade, century), then id"
    /// The order of a `certain_first` page, in words.
    public static let certainFirstOrdering =
        "events certainly inside the window first (group certain), then events that only possibly overlap it: "
        + "open-ended, broad or fuzzy dates (group possible); each group " + ordering

    /// The ordering rule of this page, in words, named in every page.
    public var ordering: String { self.window.mode == .certainFirst ? Self.certainFirstOrdering : Self.ordering }

    /// The window asked for.
    public var window: TimelineWindow
    /// The events of this page, in `ordering`.
    public var events: [Event]
    /// The cursor for the next page, or `nil` on the last page.
    public var nextCursor: String?
    /// The actor and instrument names of the query that were not ids, with the entities they resolved to.
    public var resolved: [ResolvedName]
    public var revision: Int64

    /// Creates a page.
    public init(
        window: TimelineWindow,
        events: [Event],
        nextCursor: String?,
        resolved: [ResolvedName] = [],
        revision: Int64
    ) {
        self.window = window
        self.events = events
        self.nextCursor = nextCursor
        self.resolved = resolved
        self.revision = revision
    }
}
