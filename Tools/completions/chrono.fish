function __chrono_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __chrono_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __chrono_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __chrono_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __chrono_parse_tokens -S
    set -l unparsed_tokens (__chrono_tokens -pc)
    switch $unparsed_tokens[1]
    case 'chrono'
        __chrono_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'timeline'
            __chrono_parse_subcommand 0 'from=' 'to=' 'mode=' 'actor=+' 'instrument=+' 'type=+' 'text=' 'limit=' 'cursor=' 'all' 'as-of=' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'show'
            __chrono_parse_subcommand 1 'as-of=' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'find'
            __chrono_parse_subcommand -r 1 'kind=+' 'from=' 'to=' 'doc=' 'limit=' 'cursor=' 'as-of=' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'neighbors'
            __chrono_parse_subcommand 1 'depth=' 'relation=+' 'direction=' 'kind=+' 'from=' 'to=' 'limit=' 'as-of=' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'path'
            __chrono_parse_subcommand 2 'max-depth=' 'paths=' 'relation=+' 'events' 'no-events' 'as-of=' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'subgraph'
            __chrono_parse_subcommand -r 1 'depth=' 'limit=' 'as-of=' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'disputes'
            __chrono_parse_subcommand 0 'subject=' 'text=' 'limit=' 'as-of=' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'figures'
            __chrono_parse_subcommand 0 'subject=' 'text=' 'from=' 'to=' 'limit=' 'as-of=' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'subscribe'
            __chrono_parse_subcommand 2 'from=' 'to=' 'since-revision=' 'max-frames=' 'until-revision=' 'progress' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'stats'
            __chrono_parse_subcommand 0 'as-of=' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'health'
            __chrono_parse_subcommand 0 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'write'
            __chrono_parse_subcommand 1 'retract=+' 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'import'
            __chrono_parse_subcommand 1 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
        case 'snapshot'
            __chrono_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'create'
                __chrono_parse_subcommand 0 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
            case 'list'
                __chrono_parse_subcommand 0 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
            case 'export'
                __chrono_parse_subcommand 2 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
            case 'import'
                __chrono_parse_subcommand 1 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
            case 'restore'
                __chrono_parse_subcommand 1 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
            case 'diff'
                __chrono_parse_subcommand 2 'format=' 'host=' 'port=' 'deadline=' 'token=' 'version' 'h/help'
            end
        case 'help'
            __chrono_parse_subcommand -r 1 'version'
        end
    end
end

function __chrono_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __chrono_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __chrono_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __chrono_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__chrono_tokens -p)
    if test -z "$(__chrono_tokens -t)"
        set -l index (count (__chrono_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'chrono' -f
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'timeline' -d 'List events in date order, optionally within a period or about given actors.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'show' -d 'Show one entity with its relations, events and figures.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'find' -d 'Find events, actors, instruments, figures and disputes by words, best first.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'neighbors' -d 'List the entities linked to one entity, up to a depth, with the relations between them.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'path' -d 'Show how two entities are connected, hop by hop, with each relation\'s evidence.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'subgraph' -d 'Extract the graph around one or more entities (for Gephi, yEd, Graphviz, Mermaid).'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'disputes' -d 'List facts the documents give differently, one line per source\'s claim.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'figures' -d 'List the numbers the documents state (migrants, applications, budgets), with sources.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'subscribe' -d 'Follow a query live: its current answer, then each change (needs a daemon with subscriptions).'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'stats' -d 'Count what the graph holds: entities by kind, events, relations, facts per document.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'health' -d 'Check that chronod is up; print its status, graph revision and uptime.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'write' -d 'Add, replace or retract records in one all-or-nothing write.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'import' -d 'Upsert every record of a Graph/-format directory, in dependency order.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'snapshot' -d 'Create, list, export, import, restore and compare snapshots of the graph.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" from' -l 'from' -d 'Start of the period: EDTF date or year (2007, 2007-03, 2007~).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" to' -l 'to' -d 'End of the period: EDTF date or year.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" mode' -l 'mode' -d 'certain-first (default), overlaps or within.' -rfka 'certain-first overlaps within'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline"' -l 'actor' -d 'An actor (id or name); repeatable.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline"' -l 'instrument' -d 'A law, decree or agreement (id or name); repeatable.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline"' -l 'type' -d 'An event type such as adoption; repeatable.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" text' -l 'text' -d 'Words the event\'s title or summary must contain.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" limit' -l 'limit' -d 'Events per page, 1-500 (default 50).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" cursor' -l 'cursor' -d 'Continue after a previous page (its next_cursor).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" all' -l 'all' -d 'Every matching event, streamed (Timeline/Stream) instead of one page; no --limit or --cursor.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" as-of' -l 'as-of' -d 'Answer from this snapshot (an id from `chrono snapshot list`).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono timeline" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono show" as-of' -l 'as-of' -d 'Answer from this snapshot (an id from `chrono snapshot list`).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono show" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono show" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono show" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono show" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono show" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono show" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find"' -l 'kind' -d 'A record kind (event, entity, figure, dispute, relation) or an entity kind such as law; repeatable.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" from' -l 'from' -d 'Start of the period: EDTF date or year (2007, 2007-03, 2007~).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" to' -l 'to' -d 'End of the period: EDTF date or year.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" doc' -l 'doc' -d 'Only records citing this document (its id, e.g. 002).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" limit' -l 'limit' -d 'Most results to return, 1-100 (default 20).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" cursor' -l 'cursor' -d 'The next_cursor of a previous page.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" as-of' -l 'as-of' -d 'Answer from this snapshot (an id from `chrono snapshot list`).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono find" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" depth' -l 'depth' -d 'How many hops to follow, 1-6 (default 1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors"' -l 'relation' -d 'Follow only this relation type; repeatable.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" direction' -l 'direction' -d 'out, in or both (default both).' -rfka 'out in both'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors"' -l 'kind' -d 'Keep only entities of this kind; repeatable.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" from' -l 'from' -d 'Start of the period: EDTF date or year (2007, 2007-03, 2007~).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" to' -l 'to' -d 'End of the period: EDTF date or year.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" limit' -l 'limit' -d 'Most nodes to return, 1-10000 (default 200).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" as-of' -l 'as-of' -d 'Answer from this snapshot (an id from `chrono snapshot list`).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono neighbors" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" max-depth' -l 'max-depth' -d 'Longest path in hops, 1-8 (default 4).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" paths' -l 'paths' -d 'How many shortest paths, 1-10 (default 1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path"' -l 'relation' -d 'Follow only this relation type; repeatable.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" events' -l 'events' -d 'Let a hop pass through an event both ends took part in (default on).'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" no-events' -l 'no-events' -d 'Let a hop pass through an event both ends took part in (default on).'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" as-of' -l 'as-of' -d 'Answer from this snapshot (an id from `chrono snapshot list`).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono path" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" depth' -l 'depth' -d 'Levels of neighbours to add, 0-3 (default 1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" limit' -l 'limit' -d 'Most nodes to return, 1-10000 (default 1000).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" as-of' -l 'as-of' -d 'Answer from this snapshot (an id from `chrono snapshot list`).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subgraph" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" subject' -l 'subject' -d 'Only disputes about this entity or event (id or name).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" text' -l 'text' -d 'Words the topic or a claim must contain.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" limit' -l 'limit' -d 'Most disputes to return, 1-1000 (default 100).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" as-of' -l 'as-of' -d 'Answer from this snapshot (an id from `chrono snapshot list`).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono disputes" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" subject' -l 'subject' -d 'Only figures about this entity (id or name).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" text' -l 'text' -d 'Words the measure must contain.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" from' -l 'from' -d 'Start of the period: EDTF date or year (2007, 2007-03, 2007~).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" to' -l 'to' -d 'End of the period: EDTF date or year.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" limit' -l 'limit' -d 'Most figures to return, 1-1000 (default 100).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" as-of' -l 'as-of' -d 'Answer from this snapshot (an id from `chrono snapshot list`).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono figures" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono subscribe" -eq 1' -fka 'timeline show neighbors figures disputes stats'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" from' -l 'from' -d 'Start of the period: EDTF date or year (2007, 2007-03, 2007~).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" to' -l 'to' -d 'End of the period: EDTF date or year.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" since-revision' -l 'since-revision' -d 'Send changes after this revision.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" max-frames' -l 'max-frames' -d 'Stop after this many frames.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" until-revision' -l 'until-revision' -d 'Stop once a frame at this revision or later is shown.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" progress' -l 'progress' -d 'Show progress frames too (the answer is current at a revision; sent while nothing changes).'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono subscribe" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono stats" as-of' -l 'as-of' -d 'Answer from this snapshot (an id from `chrono snapshot list`).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono stats" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono stats" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono stats" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono stats" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono stats" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono stats" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono health" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono health" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono health" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono health" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono health" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono health" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono health" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono write"' -l 'retract' -d 'A record id to remove; repeatable.' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono write" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono write" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono write" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono write" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono write" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono write" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono write" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono import" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono import" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono import" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono import" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono import" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono import" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono snapshot" -eq 1' -fa 'create' -d 'Snapshot the live graph at its current revision and print the manifest.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono snapshot" -eq 1' -fa 'list' -d 'List the stored snapshots, oldest revision first.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono snapshot" -eq 1' -fa 'export' -d 'Save a snapshot as FILE (gzip of the canonical records) and FILE.manifest.json.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono snapshot" -eq 1' -fa 'import' -d 'Store a snapshot saved by export (FILE and FILE.manifest.json) in the daemon.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono snapshot" -eq 1' -fa 'restore' -d 'Make the live graph equal to a snapshot, as one new revision.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_positional "chrono snapshot" -eq 1' -fa 'diff' -d 'List the records added, removed or changed from one snapshot to another (or to now).'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot create" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot create" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot create" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot create" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot create" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot create" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot create" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot list" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot list" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot list" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot list" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot list" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot list" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot export" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot export" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot export" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot export" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot export" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot export" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot import" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot import" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot import" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot import" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot import" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot import" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot restore" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot restore" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot restore" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot restore" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot restore" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot restore" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot restore" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot diff" format' -l 'format' -d 'Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show) and graphml, gexf, dot, mermaid (show, neighbors, path, subgraph). Default: table on a terminal, ndjson when piped.' -rfka 'table json ndjson csv markdown timelinejs graphml gexf dot mermaid'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot diff" host' -l 'host' -d 'Daemon host (env CHRONO_HOST, default 127.0.0.1).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot diff" port' -l 'port' -d 'Daemon port (env CHRONO_PORT, default 7701).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot diff" deadline' -l 'deadline' -d 'Deadline for the call: milliseconds or a duration like 5s (default 30s).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot diff" token' -l 'token' -d 'Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).' -rfka ''
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot diff" version' -l 'version' -d 'Show the version.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono snapshot diff" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'chrono' -n '__chrono_should_offer_completions_for_flags_or_options "chrono help" version' -l 'version' -d 'Show the version.'
