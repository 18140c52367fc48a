#compdef chrono

__chrono_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__chrono_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __chrono_complete "${completions[@]:0:-1}"
    fi
}

__chrono_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_chrono() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'timeline:List events in date order, optionally within a period or about given actors.'
            'show:Show one entity with its relations, events and figures.'
            'find:Find events, actors, instruments, figures and disputes by words, best first.'
            'neighbors:List the entities linked to one entity, up to a depth, with the relations between them.'
            'path:Show how two entities are connected, hop by hop, with each relation'\''s evidence.'
            'subgraph:Extract the graph around one or more entities (for Gephi, yEd, Graphviz, Mermaid).'
            'disputes:List facts the documents give differently, one line per source'\''s claim.'
            'figures:List the numbers the documents state (migrants, applications, budgets), with sources.'
            'subscribe:Follow a query live: its current answer, then each change (needs a daemon with subscriptions).'
            'stats:Count what the graph holds: entities by kind, events, relations, facts per document.'
            'health:Check that chronod is up; print its status, graph revision and uptime.'
            'write:Add, replace or retract records in one all-or-nothing write.'
            'import:Upsert every record of a Graph/-format directory, in dependency order.'
            'snapshot:Create, list, export, import, restore and compare snapshots of the graph.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        timeline|show|find|neighbors|path|subgraph|disputes|figures|subscribe|stats|health|write|import|snapshot|help)
            "_chrono_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_chrono_timeline() {
    local -i ret=1
    local -ar ___mode=('certain-first' 'overlaps' 'within')
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        '--from[Start of the period\: EDTF date or year (2007, 2007-03, 2007~).]:date:'
        '--to[End of the period\: EDTF date or year.]:date:'
        '--mode[certain-first (default), overlaps or within.]:mode:{__chrono_complete "${___mode[@]}"}'
        '*--actor[An actor (id or name); repeatable.]:entity:'
        '*--instrument[A law, decree or agreement (id or name); repeatable.]:entity:'
        '*--type[An event type such as adoption; repeatable.]:type:'
        '--text[Words the event'\''s title or summary must contain.]:text:'
        '--limit[Events per page, 1-500 (default 50).]:n:'
        '--cursor[Continue after a previous page (its next_cursor).]:cursor:'
        '--all[Every matching event, streamed (Timeline/Stream) instead of one page; no --limit or --cursor.]'
        '--as-of[Answer from this snapshot (an id from `chrono snapshot list`).]:snapshot:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_show() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':entity:'
        '--as-of[Answer from this snapshot (an id from `chrono snapshot list`).]:snapshot:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_find() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        '*:words:'
        '*--kind[A record kind (event, entity, figure, dispute, relation) or an entity kind such as law; repeatable.]:kind:'
        '--from[Start of the period\: EDTF date or year (2007, 2007-03, 2007~).]:date:'
        '--to[End of the period\: EDTF date or year.]:date:'
        '--doc[Only records citing this document (its id, e.g. 002).]:doc:'
        '--limit[Most results to return, 1-100 (default 20).]:n:'
        '--cursor[The next_cursor of a previous page.]:cursor:'
        '--as-of[Answer from this snapshot (an id from `chrono snapshot list`).]:snapshot:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_neighbors() {
    local -i ret=1
    local -ar ___direction=('out' 'in' 'both')
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':entity:'
        '--depth[How many hops to follow, 1-6 (default 1).]:n:'
        '*--relation[Follow only this relation type; repeatable.]:type:'
        '--direction[out, in or both (default both).]:direction:{__chrono_complete "${___direction[@]}"}'
        '*--kind[Keep only entities of this kind; repeatable.]:kind:'
        '--from[Start of the period\: EDTF date or year (2007, 2007-03, 2007~).]:date:'
        '--to[End of the period\: EDTF date or year.]:date:'
        '--limit[Most nodes to return, 1-10000 (default 200).]:n:'
        '--events[Also pass through events\: an event connects everyone who took part in it.]'
        '--as-of[Answer from this snapshot (an id from `chrono snapshot list`).]:snapshot:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_path() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':from:'
        ':to:'
        '--max-depth[Longest path in hops, 1-8 (default 4).]:n:'
        '--paths[How many shortest paths, 1-10 (default 1).]:k:'
        '*--relation[Follow only this relation type; repeatable.]:type:'
        '--events[Let a hop pass through an event both ends took part in (default on).]'
        '--no-events[Let a hop pass through an event both ends took part in (default on).]'
        '--as-of[Answer from this snapshot (an id from `chrono snapshot list`).]:snapshot:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_subgraph() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        '*:entity:'
        '--depth[Levels of neighbours to add, 0-3 (default 1).]:n:'
        '--limit[Most nodes to return, 1-10000 (default 1000).]:n:'
        '--as-of[Answer from this snapshot (an id from `chrono snapshot list`).]:snapshot:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_disputes() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        '--subject[Only disputes about this entity or event (id or name).]:entity:'
        '--text[Words the topic or a claim must contain.]:text:'
        '--limit[Most disputes to return, 1-1000 (default 100).]:n:'
        '--as-of[Answer from this snapshot (an id from `chrono snapshot list`).]:snapshot:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_figures() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        '--subject[Only figures about this entity (id or name).]:entity:'
        '--text[Words the measure must contain.]:text:'
        '--from[Start of the period\: EDTF date or year (2007, 2007-03, 2007~).]:date:'
        '--to[End of the period\: EDTF date or year.]:date:'
        '--limit[Most figures to return, 1-1000 (default 100).]:n:'
        '--as-of[Answer from this snapshot (an id from `chrono snapshot list`).]:snapshot:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_subscribe() {
    local -i ret=1
    local -ar _query=('timeline' 'show' 'neighbors' 'figures' 'disputes' 'stats')
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':query:{__chrono_complete "${_query[@]}"}'
        ':entity:'
        '--from[Start of the period\: EDTF date or year (2007, 2007-03, 2007~).]:date:'
        '--to[End of the period\: EDTF date or year.]:date:'
        '--since-revision[Send changes after this revision.]:n:'
        '--max-frames[Stop after this many frames.]:n:'
        '--until-revision[Stop once a frame at this revision or later is shown.]:n:'
        '--progress[Show progress frames too (the answer is current at a revision; sent while nothing changes).]'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_stats() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        '--as-of[Answer from this snapshot (an id from `chrono snapshot list`).]:snapshot:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_health() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_write() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':file:'
        '*--retract[A record id to remove; repeatable.]:id:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_import() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':dir:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_snapshot() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'create:Snapshot the live graph at its current revision and print the manifest.'
            'list:List the stored snapshots, oldest revision first.'
            'export:Save a snapshot as FILE (gzip of the canonical records) and FILE.manifest.json.'
            'import:Store a snapshot saved by export (FILE and FILE.manifest.json) in the daemon.'
            'restore:Make the live graph equal to a snapshot, as one new revision.'
            'diff:List the records added, removed or changed from one snapshot to another (or to now).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        create|list|export|import|restore|diff)
            "_chrono_snapshot_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_chrono_snapshot_create() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_snapshot_list() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_snapshot_export() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':id:'
        ':file:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_snapshot_import() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':file:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_snapshot_restore() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':id:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_snapshot_diff() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'ndjson' 'csv' 'markdown' 'timelinejs' 'graphml' 'gexf' 'dot' 'mermaid' 'svg' 'html')
    local -ar arg_specs=(
        ':from:'
        ':to:'
        '--format[Output format\: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html pictures (timeline, show, neighbors, path, subgraph). Default\: table on a terminal, ndjson when piped.]:format:{__chrono_complete "${___format[@]}"}'
        '--host[Daemon host (env CHRONO_HOST, default 127.0.0.1).]:host:'
        '--port[Daemon port (env CHRONO_PORT, default 7701).]:port:'
        '--deadline[Deadline for the call\: milliseconds or a duration like 5s (default 30s).]:time:'
        '--token[Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).]:token:'
        '--tls[Speak TLS to the daemon, trusting the system'\''s CAs unless --tls-ca names one.]'
        '--tls-ca[PEM file of the CA that signed the daemon'\''s certificate; implies --tls.]:file:'
        '--tls-cert[PEM client certificate, for a daemon started with --tls-client-ca.]:file:'
        '--tls-key[PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_chrono_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _chrono ]]; then
    _chrono "${@}"
else
    compdef _chrono chrono
fi
