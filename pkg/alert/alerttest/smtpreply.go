package alerttest

import (
	"context"
	"fmt"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// SMTPReplyCase is the expected outcome of a delivery that an SMTP server
// ends with Code at Stage.
type SMTPReplyCase struct {
	Stage SMTPStage
	Code  int
	Retry bool
}

// SMTPReplyTable is the SMTP form of StatusTable, by the reply classes of
// RFC 5321 (section 4.2.1): a 4yz reply is a transient negative completion
// (the same transaction may succeed later: retryable), a 5yz reply a
// permanent one (retryable never: e.g. 550 mailbox unavailable, 535
// authentication credentials invalid).
//
// The codes of each stage are those RFC 5321 (section 4.3.2) and RFC 4954
// (AUTH, section 6) let a server give there; 421 (service not available,
// closing) may come at any of them.
func SMTPReplyTable() []SMTPReplyCase {
	stages := []struct {
		stage SMTPStage
		codes []int
	}{
		{StageAuth, []int{421, 432, 454, 500, 501, 504, 530, 534, 535, 538}},
		{StageMail, []int{421, 451, 452, 455, 503, 550, 552, 553, 555}},
		{StageRcpt, []int{421, 450, 451, 452, 455, 503, 550, 551, 552, 553, 555}},
		{StageData, []int{421, 450, 451, 452, 550, 552, 554}},
	}
	var out []SMTPReplyCase
	for _, sc := range stages {
		for _, code := range sc.codes {
			out = append(out, SMTPReplyCase{Stage: sc.stage, Code: code, Retry: code/100 == 4})
		}
	}
	return out
}

// RunSMTPReplyTable makes srv end one transaction with each reply of
// SMTPReplyTable in turn and checks that s.Notify(n) fails with an
// *alert.DeliveryError of the expected class and the reason "smtp_<code>";
// then that an unscripted transaction delivers. srv must require AUTH
// for the AUTH rows to apply.
func RunSMTPReplyTable(t *testing.T, srv *SMTPServer, s alert.Sink, n *alert.Notification) {
	t.Helper()
	for _, tc := range SMTPReplyTable() {
		t.Run(fmt.Sprintf("%s %d", tc.Stage, tc.Code), func(t *testing.T) {
			before := srv.Rejected()
			srv.Script(SMTPReply{Stage: tc.Stage, Code: tc.Code, Message: fmt.Sprintf("scripted %d", tc.Code)})
			err := s.Notify(context.Background(), n)
			if srv.Rejected() != before+1 {
				t.Fatalf("the scripted %s reply was not given (error %v)", tc.Stage, err)
			}
			checkDeliveryError(t, err, tc.Retry, fmt.Sprintf("smtp_%d", tc.Code))
		})
	}
	before := len(srv.Messages())
	if err := s.Notify(context.Background(), n); err != nil {
		t.Fatalf("unscripted transaction: %v", err)
	}
	if got := len(srv.Messages()); got != before+1 {
		t.Fatalf("the server holds %d messages after a delivery, want %d", got, before+1)
	}
}
