package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/template"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/lpwatch/lpwatch/pkg/alert/telegram"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

var starterTmpl = template.Must(template.New("starter").Parse(`# lpwatch configuration written by "lpwatch init" on {{.When}}.
# Every key and its default: config.example.toml. Validate: lpwatch check-config {{.Out}}

[server]
listen = "{{.Listen}}"

[state]
dir = "{{.StateDir}}"

[[node]]
name = "{{.Name}}"
url = "{{.NodeURL}}"
api = "{{.API}}"                   # detected: {{.Detected}}
expected_address = "{{.Address}}"  # as the node reported it
systemd_unit = "livepeer.service"

[chain]
{{if .ChainURL}}urls = ["{{.ChainURL}}"]
chain_id = {{.ChainID}}              # as the chain reported it
{{else}}urls = []                  # add the Arbitrum RPC to read the contracts directly
{{end}}systemd_unit = "geth.service"

[[alert.sink]]
name = "log"
type = "log"
min_severity = "info"
{{if .TelegramChat}}
[[alert.sink]]
name = "telegram"
type = "telegram"
bot_token_file = {{printf "%q" .TelegramTokenFile}}
chat_id = {{printf "%q" .TelegramChat}}
{{if .TelegramTopic}}message_thread_id = {{.TelegramTopic}}
{{end}}{{if .TelegramAPI}}api_url = {{printf "%q" .TelegramAPI}}
{{end}}{{end}}{{if .DiscordFile}}
[[alert.sink]]
name = "discord"
type = "discord"
webhook_url_file = {{printf "%q" .DiscordFile}}
{{end}}
# Add PagerDuty and Slack, then run: lpwatch test-alert -config {{.Out}}
# [[alert.sink]]
# name = "oncall"
# type = "pagerduty"
# routing_key_file = "/etc/lpwatch/pd.key"
# min_severity = "critical"
#
# [[alert.sink]]
# name = "team"
# type = "slack"
# webhook_url_file = "/etc/lpwatch/slack.url"

[remediation]
enabled = false
dry_run = true
`))

func initCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	nodeURL := fs.String("node", "http://127.0.0.1:7935", "the node's CLI API")
	chainURL := fs.String("chain", "http://127.0.0.1:8545", "the chain's JSON-RPC (\"\" to skip)")
	name := fs.String("name", hostName(), "a name for the node")
	out := fs.String("out", "lpwatch.toml", "where to write the configuration")
	stateDir := fs.String("state-dir", config.DefaultStateDir, "state directory")
	listen := fs.String("listen", config.DefaultListen, "HTTP listen address")
	address := fs.String("address", "", "the node's ETH address (asked from the node when empty)")
	force := fs.Bool("force", false, "overwrite -out if it exists")
	tgToken := fs.String("telegram-token-file", "", "add a Telegram sink: the file holding the bot's token (from @BotFather)")
	tgChat := fs.String("telegram-chat", "", "the Telegram sink's chat: a numeric chat id or a channel's @username")
	tgTopic := fs.Int64("telegram-topic", 0, "the Telegram sink's forum topic (message_thread_id), if any")
	tgAPI := fs.String("telegram-api-url", "", "the Telegram sink's Bot API server (default "+telegram.DefaultAPIURL+")")
	discordFile := fs.String("discord-webhook-file", "", "add a Discord sink: the file holding the channel webhook's URL")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: lpwatch init [flags]\n\nAsk the node for its address and the chain for its ID, write a starter configuration (with a Telegram or a Discord sink when asked), validate it and send a test notification through each of its sinks.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if (*tgToken == "") != (*tgChat == "") || (*tgToken == "" && (*tgTopic != 0 || *tgAPI != "")) {
		fmt.Fprintln(stderr, "a Telegram sink needs both -telegram-token-file and -telegram-chat")
		return exitUsage
	}
	if _, err := os.Stat(*out); err == nil && !*force {
		fmt.Fprintf(stderr, "%s exists; use -force to overwrite it\n", *out)
		return exitFailure
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	v := map[string]any{"When": time.Now().Format(time.DateOnly), "Out": *out, "Listen": *listen, "StateDir": *stateDir,
		"Name": *name, "NodeURL": *nodeURL, "API": "auto", "Detected": "not asked", "Address": *address,
		"TelegramTokenFile": *tgToken, "TelegramChat": *tgChat, "TelegramTopic": *tgTopic, "TelegramAPI": *tgAPI, "DiscordFile": *discordFile}
	gen, addr, err := askNode(ctx, *nodeURL)
	switch {
	case err != nil && *address == "":
		fmt.Fprintf(stderr, "cannot ask the node at %s for its address: %v\n(start the node, or give -address)\n", *nodeURL, err)
		return exitFailure
	case err != nil:
		fmt.Fprintf(stdout, "node at %s did not answer (%v); using -address %s\n", *nodeURL, err, *address)
	default:
		v["Detected"], v["API"] = fmt.Sprintf("%s (%s)", gen, gen.Releases()), string(gen)
		if *address == "" {
			v["Address"] = addr
		}
		fmt.Fprintf(stdout, "node %s: %s API (%s), address %s\n", *nodeURL, gen, gen.Releases(), addr)
	}
	if *chainURL != "" {
		id, err := askChainID(ctx, *chainURL)
		if err != nil {
			fmt.Fprintf(stderr, "cannot ask the chain at %s for its ID: %v\n(start it, or give -chain \"\")\n", *chainURL, err)
			return exitFailure
		}
		v["ChainURL"], v["ChainID"] = *chainURL, id
		fmt.Fprintf(stdout, "chain %s: chain ID %d\n", *chainURL, id)
	}
	var buf bytes.Buffer
	if err := starterTmpl.Execute(&buf, v); err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o640); err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	if code := checkConfigCmd([]string{*out}, stdout, stderr); code != exitOK {
		return code
	}
	return testAlertCmd([]string{"-config", *out}, stdout, stderr)
}

func askNode(ctx context.Context, url string) (nodeapi.Generation, string, error) {
	c, err := nodeapi.New(url, nodeapi.Options{})
	if err != nil {
		return "", "", err
	}
	gen, err := c.Detect(ctx)
	if err != nil {
		return "", "", err
	}
	s, err := c.Snapshot(ctx, gen)
	if err != nil {
		return gen, "", err
	}
	if s.Address == "" {
		return gen, "", errors.New("the node reported no address")
	}
	return gen, s.Address, nil
}

func askChainID(ctx context.Context, url string) (uint64, error) {
	c, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	id, err := c.ChainID(ctx)
	if err != nil {
		return 0, err
	}
	return id.Uint64(), nil
}

func hostName() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "node1"
	}
	return strings.SplitN(h, ".", 2)[0]
}
