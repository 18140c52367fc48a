#!/bin/bash

__chrono_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__chrono_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__chrono_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__chrono_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_chrono() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __chrono_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    timeline|show|find|neighbors|path|subgraph|disputes|figures|subscribe|stats|health|write|import|snapshot|help)
        # Offer subcommand argument completions
        "_chrono_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'timeline show find neighbors path subgraph disputes figures subscribe stats health write import snapshot help' -- "${cur}"))
        ;;
    esac
}

_chrono_timeline() {
    repeating_flags=()
    non_repeating_flags=(--all --tls --version -h --help)
    repeating_options=(--actor --instrument --type)
    non_repeating_options=(--from --to --mode --text --limit --cursor --as-of --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--mode')
        __chrono_add_completions -W 'certain-first'$'\n''overlaps'$'\n''within'
        return
        ;;
    '--actor')
        return
        ;;
    '--instrument')
        return
        ;;
    '--type')
        return
        ;;
    '--text')
        return
        ;;
    '--limit')
        return
        ;;
    '--cursor')
        return
        ;;
    '--as-of')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_show() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--as-of --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--as-of')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_find() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=(--kind)
    non_repeating_options=(--from --to --doc --limit --cursor --as-of --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kind')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--doc')
        return
        ;;
    '--limit')
        return
        ;;
    '--cursor')
        return
        ;;
    '--as-of')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_neighbors() {
    repeating_flags=()
    non_repeating_flags=(--events --tls --version -h --help)
    repeating_options=(--relation --kind)
    non_repeating_options=(--depth --direction --from --to --limit --as-of --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--depth')
        return
        ;;
    '--relation')
        return
        ;;
    '--direction')
        __chrono_add_completions -W 'out'$'\n''in'$'\n''both'
        return
        ;;
    '--kind')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--limit')
        return
        ;;
    '--as-of')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_path() {
    repeating_flags=()
    non_repeating_flags=(--events --no-events --tls --version -h --help)
    repeating_options=(--relation)
    non_repeating_options=(--max-depth --paths --as-of --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--max-depth')
        return
        ;;
    '--paths')
        return
        ;;
    '--relation')
        return
        ;;
    '--as-of')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_subgraph() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--depth --limit --as-of --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--depth')
        return
        ;;
    '--limit')
        return
        ;;
    '--as-of')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_disputes() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--subject --text --limit --as-of --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--subject')
        return
        ;;
    '--text')
        return
        ;;
    '--limit')
        return
        ;;
    '--as-of')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_figures() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--subject --text --from --to --limit --as-of --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--subject')
        return
        ;;
    '--text')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--limit')
        return
        ;;
    '--as-of')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_subscribe() {
    repeating_flags=()
    non_repeating_flags=(--progress --tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--from --to --since-revision --max-frames --until-revision --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--since-revision')
        return
        ;;
    '--max-frames')
        return
        ;;
    '--until-revision')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __chrono_add_completions -W 'timeline'$'\n''show'$'\n''neighbors'$'\n''figures'$'\n''disputes'$'\n''stats'
        return
        ;;
    esac
}

_chrono_stats() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--as-of --format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--as-of')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_health() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_write() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=(--retract)
    non_repeating_options=(--format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--retract')
        return
        ;;
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_import() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_snapshot() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __chrono_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|export|import|restore|diff)
        # Offer subcommand argument completions
        "_chrono_snapshot_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list export import restore diff' -- "${cur}"))
        ;;
    esac
}

_chrono_snapshot_create() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_snapshot_list() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_snapshot_export() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_snapshot_import() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_snapshot_restore() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_snapshot_diff() {
    repeating_flags=()
    non_repeating_flags=(--tls --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --host --port --deadline --token --tls-ca --tls-cert --tls-key)
    __chrono_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--format')
        __chrono_add_completions -W 'table'$'\n''json'$'\n''ndjson'$'\n''csv'$'\n''markdown'$'\n''timelinejs'$'\n''graphml'$'\n''gexf'$'\n''dot'$'\n''mermaid'$'\n''svg'$'\n''html'
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--deadline')
        return
        ;;
    '--token')
        return
        ;;
    '--tls-ca')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_chrono_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __chrono_offer_flags_options -1
}

complete -o filenames -F _chrono chrono
