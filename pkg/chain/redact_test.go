package chain

import (
	"strings"
	"testing"
)

func TestDescribeURL(t *testing.T) {
	tests := []struct {
		url     string
		name    string
		wantErr string
	}{
		{"http://127.0.0.1:8545", "http://127.0.0.1:8545", ""},
		{"https://arb-mainnet.example/v2/SECRETKEY", "https://arb-mainnet.example", ""},
		{"wss://user:hunter2@node.example:8546/ws?key=SECRET", "wss://node.example:8546", ""},
		{"/var/run/geth.ipc", "/var/run/geth.ipc", ""},
		{"", "", "empty"},
		{"localhost:8545", "", "scheme"},
		{"ftp://node.example", "", `scheme "ftp" is not supported`},
		{"geth.ipc", "", "no scheme"},
		{"http://", "", "no host"},
		{"http://%zz", "", "not a url"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			name, _, err := describeURL(tt.url)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || name != tt.name {
				t.Fatalf("name %q err %v, want %q", name, err, tt.name)
			}
		})
	}
}

func TestCleanRemovesSecrets(t *testing.T) {
	raw := "https://user:hunter2@node.example:8545/v2/SECRETKEY?apikey=TOKEN"
	_, clean, err := describeURL(raw)
	if err != nil {
		t.Fatal(err)
	}
	msgs := []string{
		`Post "` + raw + `": dial tcp: connection refused`,
		`Post "https://user:xxxxx@node.example:8545/v2/SECRETKEY?apikey=TOKEN": EOF`,
		`bad path /v2/SECRETKEY and query apikey=TOKEN`,
	}
	for _, m := range msgs {
		got := clean(m)
		for _, secret := range []string{"hunter2", "SECRETKEY", "TOKEN", "user:"} {
			if strings.Contains(got, secret) {
				t.Errorf("clean(%q) = %q still contains %q", m, got, secret)
			}
		}
	}
}
