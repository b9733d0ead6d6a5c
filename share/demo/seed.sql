-- share/demo/seed.sql: the demo data set of `frontline demo`.
--
-- A support team of two teams (8 agents, each a PostgreSQL LOGIN role) and a
-- supervisor, 4 queues, a Warsaw business calendar with Polish public
-- holidays, 3 SLA policies, ~2,100 customers in 300 organizations writing in
-- English, Russian and Polish, ~20,000 solved/closed tickets of the last 90
-- days with their conversations, SLA clocks and ratings, 300 knowledge-base
-- articles, macros, routing rules, a live workload of ~100 open tickets, and
-- frontline_demo.simulate_tick() that keeps traffic flowing.
--
-- Run ONCE, as a superuser, after all migrations, in ONE transaction (the
-- caller wraps it; there is no BEGIN/COMMIT here and no psql meta-command):
--     psql -X -v ON_ERROR_STOP=1 -1 -f share/demo/seed.sql
-- frontline_demo.seeded is created last: its existence means "loaded".
--
-- The history is written set-based with triggers off
-- (session_replication_role = replica), so this script itself fills what the
-- triggers would have: sla_clocks (following the invariant of 002-sla.sql,
-- due_at = business_add(calendar, started_at, target + paused_minutes)),
-- first_response_at, solved_at, closed_at and the audit trail. The business
-- calendar arithmetic is done in bulk on an array of the calendar's opening
-- intervals (same result as frontline.business_add, ~100x faster). The
-- open workload and everything after it go through the real triggers.

SET LOCAL client_min_messages = warning;
SET LOCAL work_mem = '64MB';
SET LOCAL synchronous_commit = off;
SET LOCAL jit = off;
DO $$ BEGIN PERFORM setseed(0.4242); END $$;   -- the same data set every time (times move with now())

CREATE SCHEMA frontline_demo;
COMMENT ON SCHEMA frontline_demo IS 'frontline demo data: text fragments and the traffic simulator';

-- ===========================================================================
-- 1. Text fragments
-- ===========================================================================
-- One line per fragment: language|topic|kind|text ("*" = any topic; "\n" is
-- a line break). Placeholders: {first} {name} (customer), {agent} (agent's
-- display name), {ticket}, {order}, {amount}, {date}.
--   per topic: subj, prob (the customer's problem), ans (the first answer),
--              sol (the solving reply), note (internal note),
--              kbt (knowledge-base title), kbp (knowledge-base paragraph,
--              in the same order as kbt)
--   per language: cgreet/csign (customer), agreet/asign (agent), detail,
--              cfollow (customer follow-up), cthanks, hold (agent holding
--              reply), solgen (generic solving reply), ack (automatic
--              acknowledgement), phone/walkin (prefix of a call/visit
--              record), kbout (closing paragraph), kbsuf (title suffixes),
--              low/high (rating comments; low in the order of the reason
--              codes below), amount, cnote (customer notes), onote (org notes)

CREATE TABLE frontline_demo.fragments (
    lang   text NOT NULL,
    topic  text NOT NULL,
    kind   text NOT NULL,
    ord    integer NOT NULL,
    body   text NOT NULL
);

INSERT INTO frontline_demo.fragments (lang, topic, kind, ord, body)
SELECT split_part(l, '|', 1), split_part(l, '|', 2), split_part(l, '|', 3),
       row_number() OVER (ORDER BY n),
       replace(substr(l, length(split_part(l, '|', 1)) + length(split_part(l, '|', 2))
                         + length(split_part(l, '|', 3)) + 4), '\n', E'\n')
FROM regexp_split_to_table($fragments$
en|*|cgreet|Hello,
en|*|cgreet|Hi,
en|*|cgreet|Good morning,
en|*|cgreet|Hi there,
en|*|cgreet|Dear Support team,
en|*|csign|Thanks,\n{name}
en|*|csign|Best regards,\n{name}
en|*|csign|Kind regards,\n{name}
en|*|csign|Thank you in advance!\n{first}
en|*|agreet|Hi {first},
en|*|agreet|Hello {first},
en|*|agreet|Dear {name},
en|*|asign|Best regards,\n{agent}\nCustomer Support
en|*|asign|Kind regards,\n{agent}
en|*|asign|Have a great day!\n{agent}, Support team
en|*|detail|My order number is {order}.
en|*|detail|It worked fine until yesterday.
en|*|detail|This is quite urgent for us, the whole team is affected.
en|*|detail|I've attached a screenshot.
en|*|detail|This happened on {date}.
en|*|detail|I already tried logging out and back in.
en|*|cfollow|Thanks for the quick answer. I tried that, but the problem is still there. Could you take another look?
en|*|cfollow|Here is the screenshot you asked for. It happened again this morning.
en|*|cfollow|Sorry, I'm not sure I understand. What exactly should I do on my side?
en|*|cfollow|I checked again and it is still not resolved. This is getting frustrating.
en|*|cfollow|OK, I did what you suggested. Do you need anything else from me?
en|*|cthanks|That worked, thank you so much!
en|*|cthanks|All good now, thanks for your help.
en|*|cthanks|Perfect, thanks!
en|*|hold|Thank you for the details. I've passed this to our specialists and will get back to you as soon as I hear from them.
en|*|hold|Thanks for your patience. Could you send me a screenshot of the error and the exact time it happened? That will help us find it in the logs.
en|*|hold|I'm sorry for the trouble. I'm checking this with the team responsible and will update you today.
en|*|solgen|I'm glad we could sort this out. I'm marking the ticket as solved; just reply to this message if you need anything else.
en|*|ack|Thank you for contacting us. We have received your request and created ticket #{ticket}. One of our agents will reply as soon as possible. Please keep the ticket number in the subject of any reply.
en|*|ack|This is an automatic confirmation: your request has been registered as ticket #{ticket}. Our support hours are Monday to Friday, 8:00-18:00 CET.
en|*|phone|Phone call:
en|*|walkin|Visit at the front desk:
en|*|kbout|If this article did not solve your problem, reply to any of our emails or open a ticket in the customer portal, and include screenshots and the time the problem happened. Our support team is available Monday to Friday, 8:00-18:00 CET.
en|*|kbout|Still need help? Contact our support team by chat, phone or email. Premium and VIP customers can use their dedicated support line.
en|*|kbsuf|web app
en|*|kbsuf|mobile app
en|*|kbsuf|business accounts
en|*|kbsuf|FAQ
en|*|kbsuf|step by step
en|*|low|Nobody answered for two days.
en|*|low|The problem is still not solved.
en|*|low|I had to explain the same thing three times.
en|*|low|The answer was a copy-paste that did not address my question.
en|*|low|The ticket was closed without asking me.
en|*|high|Quick and friendly, thank you!
en|*|high|Solved in minutes, great service.
en|*|high|Thanks to {agent} for the help!
en|*|high|Clear explanation, thanks.
en|*|amount|$9.90
en|*|amount|$19.90
en|*|amount|$29.00
en|*|amount|$49.00
en|*|amount|$99.00
en|*|amount|$149.00
en|*|amount|$299.00
en|*|cnote|Prefers phone calls in the afternoon.
en|*|cnote|Key contact for the account: loop in the account manager on billing issues.
en|*|cnote|Hard of hearing: please use chat or email.
en|*|cnote|Asked not to receive marketing emails.
en|*|onote|Enterprise contract, renewal in March.
en|*|onote|Pays by bank transfer only; invoices go to the accounting address.
en|*|onote|Pilot customer for the new mobile app.
en|billing|subj|Charged twice for my subscription
en|billing|subj|Wrong amount on my last payment
en|billing|subj|Unexpected charge on my card
en|billing|subj|Payment failed but the money was taken
en|billing|prob|I was charged twice for my subscription this month. Both payments of {amount} show on my bank statement.
en|billing|prob|My card was charged {amount}, but my plan should cost less. I did not change anything in my account.
en|billing|prob|There is a charge of {amount} from you that I don't recognise. What is it for?
en|billing|prob|The payment page showed an error, but {amount} was still taken from my account.
en|billing|ans|I checked your account and you're right: the second payment of {amount} was a duplicate. I've started a refund; it usually takes 3-5 business days to show on your card.
en|billing|ans|The amount includes VAT and the pro-rated price of the seats added last month. I've attached a breakdown of the charge.
en|billing|ans|This charge is the annual renewal of your plan. If you did not intend to renew, I can cancel it and refund the payment.
en|billing|ans|A payment that fails is never captured on our side: what you see is an authorisation hold, and your bank releases it within a few days. Your subscription is paid and active.
en|billing|sol|All sorted on our side: the charge has been corrected and anything you overpaid is on its way back to your card. Just reply to this email if anything is still unclear.
en|billing|note|Duplicate charge confirmed in the payment gateway, refund requested.
en|billing|note|Gateway log: the first attempt timed out but was captured anyway. Known issue with the provider.
en|billing|kbt|Understanding the charges on your bank statement
en|billing|kbt|Why was I charged twice?
en|billing|kbt|Payment failed: what to do
en|billing|kbt|Updating your payment method
en|billing|kbt|How VAT is calculated on your plan
en|billing|kbp|Every charge on your statement shows our company name and the invoice number. You can match the charges to invoices under Settings > Billing > Invoice history.
en|billing|kbp|Duplicate charges usually happen when the payment page is submitted twice. Our billing team checks duplicates every day and refunds them automatically; if you still see two charges after three business days, contact support.
en|billing|kbp|A payment that failed on our side is never captured. If your bank shows a pending charge after a failed payment, it is an authorisation hold that your bank releases automatically within a few days.
en|billing|kbp|To update your payment method, go to Settings > Billing > Payment method, enter the new card details and confirm the payment with your bank.
en|billing|kbp|Prices on our website exclude VAT. The VAT rate depends on your country and is shown separately on every invoice.
en|invoice|subj|Invoice needed for order {order}
en|invoice|subj|Company details missing on the invoice
en|invoice|subj|Please correct the VAT number on my invoice
en|invoice|subj|Where can I download my invoices?
en|invoice|prob|Could you send me an invoice for order {order}? Our accounting department needs it by the end of the month.
en|invoice|prob|The invoice I received does not show our company name and address. We need a corrected invoice for our bookkeeping.
en|invoice|prob|The VAT number on our last invoice is wrong. The correct one is in our account settings.
en|invoice|prob|I can't find where to download the invoices for previous months.
en|invoice|ans|I've attached the invoice for order {order}. You can also download all your invoices under Settings > Billing > Invoices.
en|invoice|ans|I've updated your company details and issued a corrected invoice; you'll find it attached.
en|invoice|ans|I've corrected the VAT number in your billing profile and issued a corrected invoice; the old one is void.
en|invoice|ans|All invoices are in the customer portal under Billing > Invoice history, each one as a PDF.
en|invoice|sol|All done: the invoice is in your customer portal under Billing > Invoice history, and we've emailed a copy to you and to your accounting address.
en|invoice|note|Invoice regenerated with the new VAT ID, the old one voided.
en|invoice|note|Billing profile had no company name, fixed by hand.
en|invoice|kbt|How to download your invoices
en|invoice|kbt|Adding company details and a VAT number to invoices
en|invoice|kbt|Requesting a corrected invoice
en|invoice|kbt|Sending invoices to your accounting department
en|invoice|kbt|Invoice currency and payment terms
en|invoice|kbp|All invoices are available in the customer portal under Billing > Invoice history. Each invoice can be downloaded as a PDF.
en|invoice|kbp|To show your company name, address and VAT number on invoices, fill them in under Settings > Billing > Company details before the next invoice is issued.
en|invoice|kbp|If an invoice has already been issued with wrong details, open a ticket and our billing team will issue a corrected invoice and void the old one.
en|invoice|kbp|You can add a separate billing email address, for example your accounting department, and every invoice will be sent there automatically.
en|invoice|kbp|Invoices are issued in the currency of your plan and are payable within 14 days unless your contract says otherwise.
en|refund|subj|Refund request for order {order}
en|refund|subj|When will I get my refund?
en|refund|subj|I want my money back
en|refund|subj|Item arrived damaged
en|refund|prob|I would like to request a refund for order {order}. The product did not meet my expectations.
en|refund|prob|You promised me a refund two weeks ago, but I still haven't received it.
en|refund|prob|I cancelled during the free trial but was still charged {amount}. Please refund it.
en|refund|prob|The item arrived damaged and I would like a full refund.
en|refund|ans|Your order {order} qualifies for a full refund, and I've started it now. Please allow 5-7 business days for your bank to process it.
en|refund|ans|The refund was sent from our side on {date}. Banks sometimes take up to 10 business days; could you check your statement again at the end of the week?
en|refund|ans|You're right, a cancellation during the trial should never be charged. I've refunded the {amount} in full.
en|refund|ans|I'm sorry the item arrived damaged. Could you send us a photo of the damage? As soon as we have it I'll issue the refund.
en|refund|sol|The refund of {amount} has been processed. You'll see it on your account within a few business days.
en|refund|note|Refund approved within the 30-day policy.
en|refund|note|Escalated to finance: refund stuck at the payment provider.
en|refund|kbt|Our refund policy
en|refund|kbt|How long does a refund take?
en|refund|kbt|Requesting a refund for a damaged item
en|refund|kbt|Refunds for cancelled subscriptions
en|refund|kbt|Tracking the status of your refund
en|refund|kbp|You can request a refund within 30 days of purchase. Open a ticket with your order number and tell us why you are returning the product.
en|refund|kbp|Once a refund is approved, we send it to the original payment method. Card refunds usually appear within 5-7 business days, bank transfers within 10.
en|refund|kbp|If an item arrived damaged, take photos of the item and the packaging and attach them to your ticket. We will issue a full refund or send a replacement, whichever you prefer.
en|refund|kbp|When you cancel a subscription during the trial period, you are not charged. If a charge was made by mistake, we refund it in full.
en|refund|kbp|The status of every refund is shown in the customer portal under Orders > Refunds.
en|login|subj|Can't log in to my account
en|login|subj|Account locked after failed attempts
en|login|subj|Two-factor code not accepted
en|login|subj|Password reset email never arrives
en|login|prob|I can't log in since this morning. It says my credentials are invalid, but I'm sure the password is correct.
en|login|prob|My account got locked after a few failed login attempts. How can I unlock it?
en|login|prob|The two-factor authentication code from my app is always rejected.
en|login|prob|I requested a password reset three times, but the email never arrives. I checked the spam folder too.
en|login|ans|We had a short incident with the login service this morning; it's fixed now. Could you please try again?
en|login|ans|I've unlocked your account. Please try to log in again; if it still fails, clear your browser cache or use a private window.
en|login|ans|Two-factor codes depend on your phone's clock. Please make sure the time on your phone is set automatically, then try a fresh code.
en|login|ans|Our mail logs show the password reset emails were rejected by your mail server. I've sent a new reset link from another address, please check your inbox.
en|login|sol|Great to hear you can log in again! I'm marking this ticket as solved.
en|login|note|Locked by brute-force protection, unlocked manually.
en|login|note|2FA reset after an identity check by phone.
en|login|kbt|I can't log in to my account
en|login|kbt|Resetting your password
en|login|kbt|Setting up two-factor authentication
en|login|kbt|My account is locked
en|login|kbt|Password reset email not received
en|login|kbp|If you can't log in, first check that Caps Lock is off and that you are using the email address your account was created with. Then try a private browser window to rule out cached data.
en|login|kbp|To reset your password, click "Forgot password" on the login page and enter your email address. The reset link is valid for 30 minutes, and only the newest link works.
en|login|kbp|Two-factor authentication codes are time-based. If your codes are rejected, make sure the time on your phone is set automatically.
en|login|kbp|After five failed login attempts your account is locked for 30 minutes to protect it. You can wait, or ask support to unlock it after verifying your identity.
en|login|kbp|If the password reset email doesn't arrive, check your spam folder and make sure your mail server accepts messages from our domain.
en|delivery|subj|Order {order} has not arrived
en|delivery|subj|Tracking number doesn't work
en|delivery|subj|Wrong item delivered
en|delivery|subj|Change of delivery address
en|delivery|prob|My order {order} was supposed to arrive last week, but I still don't have it.
en|delivery|prob|The tracking number in my confirmation email shows "not found" on the courier's website.
en|delivery|prob|I received a different product than the one I ordered (order {order}).
en|delivery|prob|Can I still change the delivery address for order {order}? I'm moving next week.
en|delivery|ans|I checked with the courier: your parcel is at the local depot and will be delivered tomorrow. Here is the updated tracking link.
en|delivery|ans|Tracking numbers become active up to 24 hours after the parcel ships. Yours is active now; here is the link to follow your parcel.
en|delivery|ans|Sorry for the mix-up! I've emailed you a free return label and we're shipping the correct item today.
en|delivery|ans|The parcel hasn't left our warehouse yet, so I've changed the delivery address for you.
en|delivery|sol|The courier confirms the parcel was delivered today. Enjoy your order!
en|delivery|note|Courier claim opened, parcel marked as lost.
en|delivery|note|Warehouse picked the wrong SKU; replacement shipped by express.
en|delivery|kbt|Tracking your order
en|delivery|kbt|What to do if your order has not arrived
en|delivery|kbt|Changing the delivery address
en|delivery|kbt|Received the wrong item
en|delivery|kbt|Delivery times and shipping costs
en|delivery|kbp|As soon as your order ships, you receive an email with a tracking number and a link to the courier's website. It can take up to 24 hours before the tracking number becomes active.
en|delivery|kbp|If your order hasn't arrived within the expected delivery time, check the tracking page first. If it shows no progress for three days, contact us and we'll open a claim with the courier.
en|delivery|kbp|You can change the delivery address as long as the order hasn't left our warehouse. Open a ticket with your order number and the new address.
en|delivery|kbp|If you received the wrong item, don't send it back at your own cost: we'll email you a free return label and ship the correct item right away.
en|delivery|kbp|Standard delivery takes 2-4 business days; express delivery arrives the next business day if ordered before 14:00.
en|bug|subj|App crashes when I open reports
en|bug|subj|Error 500 when saving changes
en|bug|subj|Export button does nothing
en|bug|subj|Data missing after the last update
en|bug|prob|The app crashes every time I open the Reports section. I reinstalled it, but it didn't help.
en|bug|prob|When I save changes to a customer record I get "Error 500: internal server error".
en|bug|prob|Clicking "Export to CSV" does nothing, no file is downloaded.
en|bug|prob|After the last update some of my saved filters and notes have disappeared.
en|bug|ans|Thank you for the detailed report. We could reproduce the crash; it's a known bug in version 4.2 and a fix is going out in this week's update.
en|bug|ans|Our developers found the cause of the error: a field longer than 255 characters. As a workaround, please shorten the address field; a permanent fix is coming.
en|bug|ans|Could you try again in another browser? The export is sometimes blocked by pop-up blockers; please allow pop-ups for our site.
en|bug|ans|Your filters and notes were not deleted: the update hid them because of a display bug. I've restored them on your account; please reload the page.
en|bug|sol|The fix has been released in version 4.2.1. Please update the app and let us know if the problem comes back.
en|bug|note|Reproduced on staging, linked to BUG-1432.
en|bug|note|Logs show a timeout in the report service; sent to the dev team.
en|bug|kbt|The app crashes on start
en|bug|kbt|Error 500 when saving
en|bug|kbt|Exporting data to CSV
en|bug|kbt|Reporting a bug effectively
en|bug|kbt|Known issues in the latest release
en|bug|kbp|If the app crashes, make sure you have the latest version installed. Most crashes reported in older versions have already been fixed.
en|bug|kbp|An "Error 500" means something went wrong on our side. Try again in a few minutes; if the error persists, send us the exact time and what you were saving.
en|bug|kbp|The export downloads a CSV file in your browser. If nothing happens, check that pop-ups and downloads are allowed for our site.
en|bug|kbp|A good bug report includes what you did, what you expected, what happened instead, screenshots, and the time of the error. This helps our developers find it in the logs quickly.
en|bug|kbp|We publish known issues and their workarounds in the release notes of every version.
en|performance|subj|The dashboard is very slow
en|performance|subj|Pages take forever to load
en|performance|subj|Timeouts during working hours
en|performance|subj|Sync takes hours
en|performance|prob|The dashboard takes more than a minute to load, and the whole team is affected.
en|performance|prob|Since Monday every page loads very slowly, especially in the morning.
en|performance|prob|We keep getting timeout errors between 9 and 11 am.
en|performance|prob|Synchronisation with the mobile app now takes hours instead of minutes.
en|performance|ans|Your account has a very large number of archived records, which slows down the dashboard. I've enabled archiving of records older than two years, which should help a lot.
en|performance|ans|We saw higher load on one of our database servers this morning; it has been fixed and pages should load normally now.
en|performance|ans|Could you run a speed test from the link below and send us the result? It will tell us whether the delay is on our side or in the network.
en|performance|ans|The first sync after the update downloads all your records again, which takes a while; later syncs only transfer the changes. If it is still slow tomorrow, please send us the app logs.
en|performance|sol|Our monitoring shows normal response times again. Thanks for your patience!
en|performance|note|Slow queries on shard 3, DBA notified.
en|performance|note|Customer on an old plan with 2M records; recommended archiving.
en|performance|kbt|Why is the dashboard slow?
en|performance|kbt|Improving page load times
en|performance|kbt|Timeouts and connection errors
en|performance|kbt|Speeding up mobile sync
en|performance|kbt|Checking the service status
en|performance|kbp|The dashboard loads data for all open records. Accounts with very many records load faster when older records are archived.
en|performance|kbp|Slow page loads are often caused by browser extensions or an outdated browser. Try a private window or another browser to compare.
en|performance|kbp|Timeout errors can happen during maintenance or under high load. Check our status page, and if there is no incident, send us the time of the errors.
en|performance|kbp|Mobile sync transfers only the changes since the last sync. If the first sync after reinstalling takes long, keep the app open on Wi-Fi until it finishes.
en|performance|kbp|Our status page shows the current state of all services and any ongoing incident.
en|account|subj|Change the email address on my account
en|account|subj|Please delete my account
en|account|subj|Request a copy of my personal data
en|account|subj|Add a new user to our account
en|account|prob|I'd like to change the email address on my account to my new work address.
en|account|prob|Please delete my account and all my personal data.
en|account|prob|Under GDPR I would like to receive a copy of all personal data you store about me.
en|account|prob|How do I add a new colleague to our company account?
en|account|ans|I've sent a confirmation link to your new email address. Once you click it, the change is complete.
en|account|ans|Your account will be deleted within 30 days, as required by law. You'll receive a confirmation email when it's done.
en|account|ans|We've started the export of your personal data. You'll receive a download link by email within 48 hours.
en|account|ans|You can add users under Settings > Team > Invite user. Each user needs their own email address.
en|account|sol|Everything has been done as you asked. Let us know if there's anything else we can help with.
en|account|note|Identity verified by phone before making account changes.
en|account|note|GDPR request logged in the privacy register.
en|account|kbt|Changing your email address
en|account|kbt|Deleting your account
en|account|kbt|Requesting a copy of your personal data (GDPR)
en|account|kbt|Adding and removing users
en|account|kbt|Changing the account owner
en|account|kbp|To change your email address, go to Profile > Account and enter the new address. We send a confirmation link to the new address; the change takes effect once you click it.
en|account|kbp|You can delete your account under Profile > Privacy > Delete account. Your data is removed within 30 days, except invoices we must keep by law.
en|account|kbp|Under the GDPR you have the right to a copy of your personal data. Request it under Profile > Privacy > Export my data; the download link arrives by email.
en|account|kbp|Account administrators can add users under Settings > Team > Invite user and remove them from the same page.
en|account|kbp|The account owner can transfer ownership to another administrator under Settings > Team.
en|subscription|subj|Upgrade to the Business plan
en|subscription|subj|How do I cancel my subscription?
en|subscription|subj|Downgrade our plan
en|subscription|subj|Question about plan limits
en|subscription|prob|We'd like to upgrade to the Business plan. Will we be charged the full price right away?
en|subscription|prob|How do I cancel my subscription? I can't find the option anywhere.
en|subscription|prob|We need fewer seats now. Can we downgrade our plan from next month?
en|subscription|prob|We've reached the user limit of our plan. What are our options?
en|subscription|ans|When you upgrade, you only pay the difference for the rest of the billing period. You can do it under Settings > Subscription.
en|subscription|ans|You can cancel under Settings > Subscription > Cancel plan. Your access stays active until the end of the paid period.
en|subscription|ans|I've scheduled the downgrade from the start of your next billing period; nothing changes until then.
en|subscription|ans|You can add more seats under Settings > Subscription, or move to the Business plan, which has no user limit.
en|subscription|sol|Your plan has been changed as requested. The new price will appear on your next invoice.
en|subscription|note|Offered a 20% retention discount; customer accepted.
en|subscription|note|Downgrade scheduled; check seat usage before the renewal.
en|subscription|kbt|Upgrading your plan
en|subscription|kbt|Cancelling your subscription
en|subscription|kbt|Downgrading or reducing seats
en|subscription|kbt|Plan limits explained
en|subscription|kbt|Switching between monthly and annual billing
en|subscription|kbp|When you upgrade, the new plan is active immediately and you pay only the pro-rated difference for the current billing period.
en|subscription|kbp|You can cancel your subscription at any time under Settings > Subscription. Access stays active until the end of the period you've paid for.
en|subscription|kbp|Downgrades and seat reductions take effect at the start of your next billing period, so you never lose access you've already paid for.
en|subscription|kbp|Each plan has limits on users, storage and API requests. You'll find your current usage under Settings > Subscription > Usage.
en|subscription|kbp|Annual billing saves two months compared with monthly billing. You can switch under Settings > Subscription.
en|integration|subj|API returns 401 Unauthorized
en|integration|subj|Webhooks stopped arriving
en|integration|subj|Rate limit exceeded
en|integration|subj|Question about the REST API
en|integration|prob|Since yesterday every call to your API returns 401 Unauthorized, although we haven't changed the API key.
en|integration|prob|Our webhook endpoint hasn't received any events since {date}.
en|integration|prob|We keep getting "429 Too Many Requests" from the API during our nightly import.
en|integration|prob|Is there an API endpoint to export all tickets with their custom fields?
en|integration|ans|API keys created before March had to be rotated after our security update. Please create a new key under Settings > API and update your integration.
en|integration|ans|Your webhook was disabled automatically after repeated 5xx responses from your server. I've re-enabled it; please check that your endpoint responds with 200.
en|integration|ans|The default limit is 600 requests per minute. Please use the batch endpoint for imports, or I can raise the limit for your account.
en|integration|ans|Yes: GET /api/v2/tickets/export returns all tickets with their custom fields, page by page. The details are in the API documentation in the developer portal.
en|integration|sol|Events are flowing again according to our logs. Let us know if you see any gaps.
en|integration|note|Webhook auto-disabled after 50 consecutive failures; re-enabled.
en|integration|note|Raised the API rate limit to 1200/min for this account (approved by the team lead).
en|integration|kbt|Getting started with the REST API
en|integration|kbt|API keys and authentication
en|integration|kbt|Webhooks: setup and troubleshooting
en|integration|kbt|API rate limits
en|integration|kbt|Exporting tickets through the API
en|integration|kbp|Our REST API uses JSON over HTTPS. Every request needs an API key, which you create under Settings > API.
en|integration|kbp|A 401 Unauthorized response means the API key is missing, expired or revoked. Create a new key and update your integration.
en|integration|kbp|Webhooks send an HTTP POST to your endpoint for every event you subscribe to. If your endpoint fails repeatedly, the webhook is disabled and you receive an email.
en|integration|kbp|The API allows 600 requests per minute per account. A 429 Too Many Requests response tells you to wait; use the batch endpoints for large imports.
en|integration|kbp|The export endpoint returns tickets with all custom fields, page by page. Use the cursor from each response to fetch the next page.
ru|*|cgreet|Здравствуйте!
ru|*|cgreet|Добрый день!
ru|*|cgreet|Доброе утро!
ru|*|cgreet|Здравствуйте, служба поддержки!
ru|*|csign|Спасибо,\n{name}
ru|*|csign|С уважением,\n{name}
ru|*|csign|Заранее спасибо!\n{first}
ru|*|csign|Жду ответа.\n{name}
ru|*|agreet|Здравствуйте, {first}!
ru|*|agreet|Добрый день, {first}!
ru|*|agreet|Здравствуйте, {name}!
ru|*|asign|С уважением,\n{agent}\nСлужба поддержки
ru|*|asign|Хорошего дня!\n{agent}
ru|*|asign|Всего доброго,\n{agent}, служба поддержки
ru|*|detail|Номер заказа: {order}.
ru|*|detail|Ещё вчера всё работало нормально.
ru|*|detail|Это срочно, у нас стоит работа всего отдела.
ru|*|detail|Прикладываю скриншот.
ru|*|detail|Это произошло {date}.
ru|*|detail|Выйти и зайти заново уже пробовали.
ru|*|cfollow|Спасибо за быстрый ответ. Попробовали, но проблема осталась. Посмотрите, пожалуйста, ещё раз.
ru|*|cfollow|Вот скриншот, который вы просили. Сегодня утром это повторилось.
ru|*|cfollow|Извините, не совсем понятно. Что именно нужно сделать с нашей стороны?
ru|*|cfollow|Проверили ещё раз — ничего не изменилось. Честно говоря, это уже надоело.
ru|*|cfollow|Хорошо, сделали, как вы советовали. Нужно что-то ещё с нашей стороны?
ru|*|cthanks|Всё заработало, огромное спасибо!
ru|*|cthanks|Теперь всё в порядке, спасибо за помощь.
ru|*|cthanks|Отлично, спасибо!
ru|*|hold|Спасибо за подробности. Мы передали вопрос нашим специалистам и вернёмся к вам, как только получим ответ.
ru|*|hold|Спасибо за терпение. Пришлите, пожалуйста, скриншот ошибки и точное время, когда она появилась, — так мы быстрее найдём её в логах.
ru|*|hold|Приносим извинения за неудобства. Мы уточняем вопрос у ответственной команды и сегодня же сообщим вам результат.
ru|*|solgen|Рады, что вопрос решён. Отмечаем обращение как решённое; если понадобится помощь, просто ответьте на это письмо.
ru|*|ack|Спасибо за обращение! Мы получили ваш запрос и зарегистрировали его под номером #{ticket}. Специалист ответит вам в ближайшее время. При ответе, пожалуйста, сохраняйте номер обращения в теме письма.
ru|*|ack|Это автоматическое подтверждение: ваше обращение зарегистрировано под номером #{ticket}. Служба поддержки работает с понедельника по пятницу, с 8:00 до 18:00 (CET).
ru|*|phone|Телефонный звонок:
ru|*|walkin|Визит в офис:
ru|*|kbout|Если статья не помогла решить проблему, ответьте на любое наше письмо или создайте обращение в личном кабинете и приложите скриншоты и время, когда возникла проблема. Служба поддержки работает с понедельника по пятницу, с 8:00 до 18:00 (CET).
ru|*|kbout|Нужна помощь? Свяжитесь с поддержкой в чате, по телефону или по электронной почте. Для клиентов Premium и VIP работает выделенная линия.
ru|*|kbsuf|веб-версия
ru|*|kbsuf|мобильное приложение
ru|*|kbsuf|для бизнес-аккаунтов
ru|*|kbsuf|частые вопросы
ru|*|kbsuf|пошаговая инструкция
ru|*|low|Два дня никто не отвечал.
ru|*|low|Проблема так и не решена.
ru|*|low|Пришлось три раза объяснять одно и то же.
ru|*|low|Ответили шаблоном, который не имеет отношения к моему вопросу.
ru|*|low|Обращение закрыли, не спросив меня.
ru|*|high|Быстро и вежливо, спасибо!
ru|*|high|Решили за несколько минут, отличный сервис.
ru|*|high|Спасибо, {agent}, за помощь!
ru|*|high|Всё понятно объяснили, спасибо.
ru|*|amount|990 ₽
ru|*|amount|1 490 ₽
ru|*|amount|2 990 ₽
ru|*|amount|4 990 ₽
ru|*|amount|9 900 ₽
ru|*|amount|14 900 ₽
ru|*|cnote|Предпочитает звонки после обеда.
ru|*|cnote|Ключевой контакт по аккаунту: по вопросам оплаты подключать менеджера.
ru|*|cnote|Просит не звонить, только почта и чат.
ru|*|cnote|Отказ от маркетинговых рассылок.
ru|*|onote|Корпоративный договор, продление в марте.
ru|*|onote|Оплата только банковским переводом, счета отправлять в бухгалтерию.
ru|*|onote|Участвует в пилоте нового мобильного приложения.
ru|billing|subj|Двойное списание за подписку
ru|billing|subj|Неверная сумма последнего платежа
ru|billing|subj|Непонятное списание с карты
ru|billing|subj|Оплата не прошла, но деньги списаны
ru|billing|prob|В этом месяце оплату за подписку списали дважды. Оба платежа по {amount} видны в выписке банка.
ru|billing|prob|С карты списали {amount}, хотя наш тариф стоит меньше. В настройках аккаунта ничего не меняли.
ru|billing|prob|Вижу списание на {amount}, которое не могу опознать. За что это?
ru|billing|prob|Страница оплаты выдала ошибку, но {amount} с карты всё равно списали.
ru|billing|ans|Мы проверили ваш аккаунт — вы правы, второй платёж на {amount} оказался дублем. Возврат уже оформлен, обычно деньги поступают на карту в течение 3–5 рабочих дней.
ru|billing|ans|В сумму входит НДС и пропорциональная стоимость мест, добавленных в прошлом месяце. Прикладываем подробную расшифровку списания.
ru|billing|ans|Это списание — автоматическое продление годового тарифа. Если вы не планировали продлевать, мы можем отменить продление и вернуть деньги.
ru|billing|ans|Неудавшийся платёж у нас не списывается: вы видите блокировку средств, которую банк снимет в течение нескольких дней. Подписка оплачена и активна.
ru|billing|sol|С нашей стороны всё исправлено: сумма скорректирована, а переплата уже возвращается на карту. Если остались вопросы, просто ответьте на это письмо.
ru|billing|note|Двойное списание подтверждено в платёжном шлюзе, возврат запрошен.
ru|billing|note|По логам шлюза: первая попытка ушла в таймаут, но деньги списались. Известная проблема у провайдера.
ru|billing|kbt|Как разобраться в списаниях в банковской выписке
ru|billing|kbt|Почему деньги списали дважды?
ru|billing|kbt|Оплата не прошла: что делать
ru|billing|kbt|Как изменить способ оплаты
ru|billing|kbt|Как рассчитывается НДС
ru|billing|kbp|Каждое списание в выписке содержит название нашей компании и номер счёта. Сверить списания со счетами можно в разделе «Настройки → Оплата → История счетов».
ru|billing|kbp|Двойное списание обычно возникает, когда форма оплаты отправлена дважды. Отдел биллинга ежедневно проверяет такие случаи и возвращает деньги автоматически; если через три рабочих дня вы всё ещё видите два списания, напишите в поддержку.
ru|billing|kbp|Неудавшийся платёж у нас никогда не списывается. Если банк показывает списание после ошибки оплаты, это блокировка средств, которую банк автоматически снимет в течение нескольких дней.
ru|billing|kbp|Чтобы изменить способ оплаты, откройте «Настройки → Оплата → Способ оплаты», введите данные новой карты и подтвердите операцию в банке.
ru|billing|kbp|Цены на сайте указаны без НДС. Ставка НДС зависит от вашей страны и указывается в каждом счёте отдельно.
ru|invoice|subj|Нужен счёт по заказу {order}
ru|invoice|subj|В счёте нет реквизитов компании
ru|invoice|subj|Исправьте ИНН в счёте
ru|invoice|subj|Где скачать счета?
ru|invoice|prob|Пришлите, пожалуйста, счёт по заказу {order}. Бухгалтерии он нужен до конца месяца.
ru|invoice|prob|В полученном счёте нет названия и адреса нашей компании. Для бухгалтерии нужен исправленный счёт.
ru|invoice|prob|В последнем счёте указан неверный ИНН. Правильный есть в настройках аккаунта.
ru|invoice|prob|Не можем найти, где скачать счета за прошлые месяцы.
ru|invoice|ans|Прикладываем счёт по заказу {order}. Все счета также можно скачать в разделе «Настройки → Оплата → Счета».
ru|invoice|ans|Мы обновили реквизиты компании и сформировали исправленный счёт — он во вложении.
ru|invoice|ans|Мы исправили ИНН в платёжном профиле и выставили исправленный счёт, старый аннулирован.
ru|invoice|ans|Все счета доступны в личном кабинете в разделе «Оплата → История счетов», каждый можно скачать в PDF.
ru|invoice|sol|Готово: счёт доступен в личном кабинете в разделе «Оплата → История счетов», копию мы отправили вам и в бухгалтерию.
ru|invoice|note|Счёт перевыставлен с новым ИНН, старый аннулирован.
ru|invoice|note|В платёжном профиле не было названия компании, исправили вручную.
ru|invoice|kbt|Как скачать счета
ru|invoice|kbt|Реквизиты компании и ИНН в счетах
ru|invoice|kbt|Как получить исправленный счёт
ru|invoice|kbt|Отправка счетов в бухгалтерию
ru|invoice|kbt|Валюта счёта и сроки оплаты
ru|invoice|kbp|Все счета доступны в личном кабинете в разделе «Оплата → История счетов». Каждый счёт можно скачать в формате PDF.
ru|invoice|kbp|Чтобы в счетах указывались название, адрес и ИНН вашей компании, заполните их в разделе «Настройки → Оплата → Реквизиты» до выставления следующего счёта.
ru|invoice|kbp|Если счёт уже выставлен с неверными реквизитами, создайте обращение — отдел биллинга выставит исправленный счёт и аннулирует старый.
ru|invoice|kbp|Вы можете указать отдельный адрес для счетов, например адрес бухгалтерии, и все счета будут автоматически приходить туда.
ru|invoice|kbp|Счета выставляются в валюте вашего тарифа и подлежат оплате в течение 14 дней, если договором не предусмотрено иное.
ru|refund|subj|Возврат средств по заказу {order}
ru|refund|subj|Когда вернут деньги?
ru|refund|subj|Хотим вернуть деньги
ru|refund|subj|Товар пришёл повреждённым
ru|refund|prob|Прошу оформить возврат средств по заказу {order}. Товар не оправдал ожиданий.
ru|refund|prob|Две недели назад нам пообещали возврат, но деньги так и не пришли.
ru|refund|prob|Подписку отменили ещё в пробный период, но с карты всё равно списали {amount}. Верните, пожалуйста, деньги.
ru|refund|prob|Товар пришёл повреждённым, просим полный возврат.
ru|refund|ans|Заказ {order} подходит под условия полного возврата, мы уже оформили его. Банку обычно нужно 5–7 рабочих дней на обработку.
ru|refund|ans|С нашей стороны возврат отправлен {date}. Иногда банку требуется до 10 рабочих дней — проверьте, пожалуйста, выписку в конце недели.
ru|refund|ans|Вы правы, отмена в пробный период не должна оплачиваться. Мы вернули {amount} полностью.
ru|refund|ans|Очень жаль, что товар пришёл повреждённым. Пришлите, пожалуйста, фото повреждений — сразу после этого оформим возврат.
ru|refund|sol|Возврат {amount} выполнен. Деньги поступят на счёт в течение нескольких рабочих дней.
ru|refund|note|Возврат одобрен в рамках 30-дневной политики.
ru|refund|note|Передано в финансовый отдел: возврат завис у платёжного провайдера.
ru|refund|kbt|Условия возврата средств
ru|refund|kbt|Сколько времени занимает возврат?
ru|refund|kbt|Возврат за повреждённый товар
ru|refund|kbt|Возврат за отменённую подписку
ru|refund|kbt|Как узнать статус возврата
ru|refund|kbp|Оформить возврат средств можно в течение 30 дней после покупки. Создайте обращение, укажите номер заказа и причину возврата.
ru|refund|kbp|После одобрения возврата деньги отправляются тем же способом, которым была произведена оплата. Возврат на карту обычно занимает 5–7 рабочих дней, банковский перевод — до 10.
ru|refund|kbp|Если товар пришёл повреждённым, сфотографируйте товар и упаковку и приложите фото к обращению. Мы вернём деньги полностью или отправим замену — на ваш выбор.
ru|refund|kbp|При отмене подписки в пробный период оплата не списывается. Если списание произошло по ошибке, мы вернём деньги полностью.
ru|refund|kbp|Статус каждого возврата отображается в личном кабинете в разделе «Заказы → Возвраты».
ru|login|subj|Не могу войти в аккаунт
ru|login|subj|Аккаунт заблокирован после неудачных попыток
ru|login|subj|Не принимается код двухфакторной аутентификации
ru|login|subj|Не приходит письмо для сброса пароля
ru|login|prob|С утра не получается войти в аккаунт: пишет, что неверный логин или пароль, хотя пароль точно правильный.
ru|login|prob|Аккаунт заблокировался после нескольких неудачных попыток входа. Как его разблокировать?
ru|login|prob|Код двухфакторной аутентификации из приложения всё время отклоняется.
ru|login|prob|Уже трижды нажимаем «Забыли пароль?», но письмо для сброса пароля не приходит. Папка «Спам» проверена.
ru|login|ans|Сегодня утром у сервиса входа был кратковременный сбой, сейчас всё исправлено. Попробуйте, пожалуйста, войти ещё раз.
ru|login|ans|Мы разблокировали ваш аккаунт. Попробуйте войти ещё раз; если не получится, очистите кэш браузера или откройте окно в режиме инкогнито.
ru|login|ans|Коды двухфакторной аутентификации зависят от времени на телефоне. Убедитесь, что время на телефоне устанавливается автоматически, и попробуйте новый код.
ru|login|ans|По журналу почтового сервера видно, что письма для сброса пароля отклонял ваш почтовый сервер. Мы отправили новую ссылку для сброса пароля с другого адреса — проверьте, пожалуйста, почту.
ru|login|sol|Рады, что вход снова работает! Отмечаем обращение как решённое.
ru|login|note|Заблокирован защитой от перебора паролей, разблокирован вручную.
ru|login|note|2FA сброшена после проверки личности по телефону.
ru|login|kbt|Не удаётся войти в аккаунт
ru|login|kbt|Как сбросить пароль
ru|login|kbt|Настройка двухфакторной аутентификации
ru|login|kbt|Аккаунт заблокирован
ru|login|kbt|Не приходит письмо для сброса пароля
ru|login|kbp|Если не удаётся войти, проверьте, что Caps Lock выключен и вы используете адрес электронной почты, на который зарегистрирован аккаунт. Затем попробуйте войти в режиме инкогнито, чтобы исключить проблемы с кэшем.
ru|login|kbp|Чтобы сбросить пароль, нажмите «Забыли пароль?» на странице входа и введите адрес электронной почты. Ссылка действует 30 минут, работает только последняя отправленная ссылка.
ru|login|kbp|Коды двухфакторной аутентификации зависят от времени. Если коды не принимаются, проверьте, что время на телефоне устанавливается автоматически.
ru|login|kbp|После пяти неудачных попыток входа аккаунт блокируется на 30 минут. Можно подождать или попросить поддержку разблокировать аккаунт после проверки личности.
ru|login|kbp|Если письмо для сброса пароля не приходит, проверьте папку «Спам» и убедитесь, что ваш почтовый сервер принимает письма с нашего домена.
ru|delivery|subj|Заказ {order} не доставлен
ru|delivery|subj|Не работает трек-номер
ru|delivery|subj|Привезли не тот товар
ru|delivery|subj|Изменить адрес доставки
ru|delivery|prob|Заказ {order} должны были доставить на прошлой неделе, но его до сих пор нет.
ru|delivery|prob|Трек-номер из письма-подтверждения на сайте курьерской службы выдаёт «не найдено».
ru|delivery|prob|Привезли не тот товар, который был в заказе {order}.
ru|delivery|prob|Можно ли ещё изменить адрес доставки заказа {order}? На следующей неделе переезжаем.
ru|delivery|ans|Мы связались с курьерской службой: посылка на местном складе и будет доставлена завтра. Вот обновлённая ссылка для отслеживания.
ru|delivery|ans|Трек-номер начинает работать в течение 24 часов после отправки. Сейчас он уже активен — вот ссылка для отслеживания посылки.
ru|delivery|ans|Извините за путаницу! Мы отправили вам бесплатную этикетку для возврата, а правильный товар отправим сегодня.
ru|delivery|ans|Заказ ещё не покинул наш склад, поэтому мы изменили адрес доставки.
ru|delivery|sol|Курьерская служба подтверждает, что посылка сегодня доставлена. Приятных покупок!
ru|delivery|note|Открыта претензия в курьерскую службу, посылка считается утерянной.
ru|delivery|note|Склад собрал не тот артикул, замена отправлена экспресс-доставкой.
ru|delivery|kbt|Как отследить заказ
ru|delivery|kbt|Что делать, если заказ не доставлен
ru|delivery|kbt|Изменение адреса доставки
ru|delivery|kbt|Привезли не тот товар
ru|delivery|kbt|Сроки и стоимость доставки
ru|delivery|kbp|Как только заказ отправлен, вы получите письмо с трек-номером и ссылкой на сайт курьерской службы. Трек-номер может начать работать в течение 24 часов.
ru|delivery|kbp|Если заказ не доставлен в ожидаемый срок, сначала проверьте страницу отслеживания. Если статус не меняется три дня, напишите нам — мы откроем претензию в курьерской службе.
ru|delivery|kbp|Адрес доставки можно изменить, пока заказ не покинул наш склад. Создайте обращение с номером заказа и новым адресом.
ru|delivery|kbp|Если вам привезли не тот товар, не отправляйте его обратно за свой счёт: мы пришлём бесплатную этикетку для возврата и сразу отправим правильный товар.
ru|delivery|kbp|Стандартная доставка занимает 2–4 рабочих дня; экспресс-доставка приходит на следующий рабочий день при заказе до 14:00.
ru|bug|subj|Приложение вылетает при открытии отчётов
ru|bug|subj|Ошибка 500 при сохранении
ru|bug|subj|Не работает кнопка экспорта
ru|bug|subj|После обновления пропали данные
ru|bug|prob|Приложение вылетает каждый раз при открытии раздела «Отчёты». Переустановка не помогла.
ru|bug|prob|При сохранении карточки клиента появляется «Ошибка 500: внутренняя ошибка сервера».
ru|bug|prob|Кнопка «Экспорт в CSV» ничего не делает, файл не скачивается.
ru|bug|prob|После последнего обновления пропала часть сохранённых фильтров и заметок.
ru|bug|ans|Спасибо за подробное описание. Нам удалось воспроизвести сбой — это известная ошибка версии 4.2, исправление выйдет в обновлении на этой неделе.
ru|bug|ans|Разработчики нашли причину ошибки: поле длиннее 255 символов. Временное решение — сократить поле «Адрес», постоянное исправление уже готовится.
ru|bug|ans|Попробуйте, пожалуйста, другой браузер. Экспорт иногда блокируется блокировщиком всплывающих окон — разрешите их для нашего сайта.
ru|bug|ans|Фильтры и заметки не удалены: после обновления их скрыла ошибка отображения. Мы восстановили их в вашем аккаунте — обновите, пожалуйста, страницу.
ru|bug|sol|Исправление вышло в версии 4.2.1. Обновите приложение и напишите нам, если проблема повторится.
ru|bug|note|Воспроизведено на тестовом стенде, связано с BUG-1432.
ru|bug|note|В логах таймаут сервиса отчётов, передано разработчикам.
ru|bug|kbt|Приложение вылетает при запуске
ru|bug|kbt|Ошибка 500 при сохранении
ru|bug|kbt|Экспорт данных в CSV
ru|bug|kbt|Как правильно сообщить об ошибке
ru|bug|kbt|Известные проблемы последней версии
ru|bug|kbp|Если приложение вылетает, убедитесь, что установлена последняя версия: большинство сбоев старых версий уже исправлены.
ru|bug|kbp|«Ошибка 500» означает сбой на нашей стороне. Повторите попытку через несколько минут; если ошибка сохраняется, сообщите нам точное время и что именно вы сохраняли.
ru|bug|kbp|Экспорт скачивает файл CSV в браузере. Если ничего не происходит, проверьте, что для нашего сайта разрешены всплывающие окна и загрузки.
ru|bug|kbp|Хорошее сообщение об ошибке содержит ваши действия, ожидаемый и фактический результат, скриншоты и время ошибки. Так разработчики быстрее найдут её в логах.
ru|bug|kbp|Известные проблемы и способы их обхода мы публикуем в примечаниях к каждой версии.
ru|performance|subj|Очень медленно работает панель
ru|performance|subj|Страницы долго загружаются
ru|performance|subj|Таймауты в рабочее время
ru|performance|subj|Синхронизация идёт часами
ru|performance|prob|Панель загружается больше минуты, проблема у всей команды.
ru|performance|prob|С понедельника все страницы открываются очень медленно, особенно по утрам.
ru|performance|prob|С 9 до 11 утра постоянно получаем ошибки таймаута.
ru|performance|prob|Синхронизация с мобильным приложением теперь занимает часы вместо минут.
ru|performance|ans|В вашем аккаунте очень много архивных записей, из-за этого панель работает медленно. Мы включили архивирование записей старше двух лет — это должно заметно ускорить работу.
ru|performance|ans|Сегодня утром на одном из серверов баз данных была повышенная нагрузка. Проблема устранена, страницы должны загружаться нормально.
ru|performance|ans|Запустите, пожалуйста, тест скорости по ссылке ниже и пришлите результат — так мы поймём, на чьей стороне задержка.
ru|performance|ans|Первая синхронизация после обновления заново загружает все записи, поэтому занимает время; дальше передаются только изменения. Если завтра всё ещё будет медленно, пришлите, пожалуйста, логи приложения.
ru|performance|sol|По данным мониторинга время отклика снова в норме. Спасибо за терпение!
ru|performance|note|Медленные запросы на шарде 3, DBA в курсе.
ru|performance|note|Клиент на старом тарифе с 2 млн записей, рекомендовано архивирование.
ru|performance|kbt|Почему медленно работает панель?
ru|performance|kbt|Как ускорить загрузку страниц
ru|performance|kbt|Таймауты и ошибки соединения
ru|performance|kbt|Ускорение синхронизации мобильного приложения
ru|performance|kbt|Проверка статуса сервиса
ru|performance|kbp|Панель загружает данные по всем открытым записям. В аккаунтах с большим количеством записей помогает архивирование старых данных.
ru|performance|kbp|Медленная загрузка страниц часто вызвана расширениями браузера или устаревшей версией браузера. Для сравнения попробуйте режим инкогнито или другой браузер.
ru|performance|kbp|Ошибки таймаута возможны во время технических работ или высокой нагрузки. Проверьте страницу статуса; если инцидентов нет, сообщите нам время ошибок.
ru|performance|kbp|Мобильное приложение синхронизирует только изменения с момента последней синхронизации. Если первая синхронизация после переустановки идёт долго, оставьте приложение открытым при подключении к Wi-Fi.
ru|performance|kbp|На странице статуса отображается текущее состояние всех сервисов и информация о текущих инцидентах.
ru|account|subj|Сменить email в аккаунте
ru|account|subj|Удалите мой аккаунт
ru|account|subj|Запрос копии персональных данных
ru|account|subj|Добавить нового пользователя
ru|account|prob|Нужно сменить адрес электронной почты в аккаунте на новый рабочий.
ru|account|prob|Прошу удалить мой аккаунт и все мои персональные данные.
ru|account|prob|Прошу предоставить копию всех персональных данных, которые вы обо мне храните.
ru|account|prob|Как добавить нового коллегу в аккаунт компании?
ru|account|ans|Мы отправили ссылку для подтверждения на новый адрес. После перехода по ней смена адреса завершится.
ru|account|ans|Аккаунт будет удалён в течение 30 дней, как того требует закон. Когда всё будет готово, вы получите письмо-подтверждение.
ru|account|ans|Мы запустили выгрузку ваших персональных данных. Ссылка для скачивания придёт на почту в течение 48 часов.
ru|account|ans|Пользователей можно добавить в разделе «Настройки → Команда → Пригласить пользователя». Каждому нужен свой адрес электронной почты.
ru|account|sol|Всё сделано, как вы просили. Если нужна помощь с чем-то ещё, просто напишите нам.
ru|account|note|Личность подтверждена по телефону перед изменениями в аккаунте.
ru|account|note|Запрос на персональные данные внесён в реестр обращений.
ru|account|kbt|Как сменить адрес электронной почты
ru|account|kbt|Удаление аккаунта
ru|account|kbt|Запрос копии персональных данных
ru|account|kbt|Добавление и удаление пользователей
ru|account|kbt|Смена владельца аккаунта
ru|account|kbp|Чтобы сменить адрес электронной почты, откройте «Профиль → Аккаунт» и введите новый адрес. Мы отправим ссылку для подтверждения; адрес изменится после перехода по ней.
ru|account|kbp|Удалить аккаунт можно в разделе «Профиль → Конфиденциальность → Удалить аккаунт». Данные удаляются в течение 30 дней, кроме счетов, которые мы обязаны хранить по закону.
ru|account|kbp|Вы имеете право получить копию своих персональных данных. Запросите её в разделе «Профиль → Конфиденциальность → Выгрузить мои данные» — ссылка придёт на почту.
ru|account|kbp|Администраторы аккаунта могут добавлять пользователей в разделе «Настройки → Команда → Пригласить пользователя» и удалять их там же.
ru|account|kbp|Владелец аккаунта может передать права владельца другому администратору в разделе «Настройки → Команда».
ru|subscription|subj|Переход на тариф «Бизнес»
ru|subscription|subj|Как отменить подписку?
ru|subscription|subj|Понизить тариф
ru|subscription|subj|Вопрос о лимитах тарифа
ru|subscription|prob|Хотим перейти на тариф «Бизнес». Спишут ли сразу полную стоимость?
ru|subscription|prob|Как отменить подписку? Нигде не можем найти эту настройку.
ru|subscription|prob|Нам теперь нужно меньше мест. Можно со следующего месяца перейти на тариф попроще?
ru|subscription|prob|Мы упёрлись в лимит пользователей на нашем тарифе. Какие есть варианты?
ru|subscription|ans|При повышении тарифа вы доплачиваете только разницу за оставшуюся часть периода. Сделать это можно в разделе «Настройки → Подписка».
ru|subscription|ans|Отменить подписку можно в разделе «Настройки → Подписка → Отменить тариф». Доступ сохранится до конца оплаченного периода.
ru|subscription|ans|Мы запланировали смену тарифа с начала следующего расчётного периода, до этого ничего не изменится.
ru|subscription|ans|Дополнительные места можно добавить в разделе «Настройки → Подписка» или перейти на тариф «Бизнес», где нет ограничения на число пользователей.
ru|subscription|sol|Тариф изменён, как вы просили. Новая цена появится в следующем счёте.
ru|subscription|note|Предложили скидку 20% за продление, клиент согласился.
ru|subscription|note|Понижение тарифа запланировано, проверить число мест перед продлением.
ru|subscription|kbt|Как повысить тариф
ru|subscription|kbt|Как отменить подписку
ru|subscription|kbt|Понижение тарифа и уменьшение числа мест
ru|subscription|kbt|Ограничения тарифов
ru|subscription|kbt|Переход между ежемесячной и годовой оплатой
ru|subscription|kbp|При повышении тарифа новый тариф начинает действовать сразу, а вы доплачиваете только пропорциональную разницу за текущий период.
ru|subscription|kbp|Отменить подписку можно в любой момент в разделе «Настройки → Подписка». Доступ сохраняется до конца оплаченного периода.
ru|subscription|kbp|Понижение тарифа и уменьшение числа мест вступают в силу с начала следующего расчётного периода, поэтому вы не теряете уже оплаченный доступ.
ru|subscription|kbp|У каждого тарифа есть ограничения на число пользователей, объём хранилища и запросы к API. Текущее использование показано в разделе «Настройки → Подписка → Использование».
ru|subscription|kbp|Годовая оплата экономит два месяца по сравнению с ежемесячной. Переключиться можно в разделе «Настройки → Подписка».
ru|integration|subj|API возвращает 401 Unauthorized
ru|integration|subj|Перестали приходить вебхуки
ru|integration|subj|Превышен лимит запросов
ru|integration|subj|Вопрос по REST API
ru|integration|prob|Со вчерашнего дня каждый запрос к вашему API возвращает 401 Unauthorized, хотя ключ API мы не меняли.
ru|integration|prob|На наш адрес для вебхуков не приходит ни одного события с {date}.
ru|integration|prob|Во время ночного импорта API постоянно отвечает «429 Too Many Requests».
ru|integration|prob|Есть ли в API метод для выгрузки всех обращений вместе с пользовательскими полями?
ru|integration|ans|После обновления безопасности ключи API, созданные до марта, нужно перевыпустить. Создайте новый ключ в разделе «Настройки → API» и обновите интеграцию.
ru|integration|ans|Ваш вебхук был автоматически отключён после повторяющихся ответов 5xx от вашего сервера. Мы включили его снова — проверьте, пожалуйста, что адрес отвечает кодом 200.
ru|integration|ans|Стандартный лимит — 600 запросов в минуту. Для импорта используйте пакетный метод, или мы можем увеличить лимит для вашего аккаунта.
ru|integration|ans|Да: GET /api/v2/tickets/export возвращает все обращения с пользовательскими полями постранично. Подробности — в документации API на портале для разработчиков.
ru|integration|sol|По нашим логам события снова доставляются. Сообщите, если заметите пропуски.
ru|integration|note|Вебхук отключён автоматически после 50 ошибок подряд, включён снова.
ru|integration|note|Лимит API поднят до 1200/мин для этого аккаунта (согласовано с тимлидом).
ru|integration|kbt|Начало работы с REST API
ru|integration|kbt|Ключи API и аутентификация
ru|integration|kbt|Вебхуки: настройка и устранение неполадок
ru|integration|kbt|Ограничения частоты запросов к API
ru|integration|kbt|Выгрузка обращений через API
ru|integration|kbp|Наш REST API работает с JSON по HTTPS. Для каждого запроса нужен ключ API, который создаётся в разделе «Настройки → API».
ru|integration|kbp|Ответ 401 Unauthorized означает, что ключ API отсутствует, истёк или отозван. Создайте новый ключ и обновите интеграцию.
ru|integration|kbp|Вебхуки отправляют HTTP POST на ваш адрес при каждом событии, на которое вы подписаны. Если адрес постоянно отвечает ошибкой, вебхук отключается, а вы получаете письмо.
ru|integration|kbp|API допускает 600 запросов в минуту на аккаунт. Ответ 429 Too Many Requests означает, что нужно подождать; для больших импортов используйте пакетные методы.
ru|integration|kbp|Метод выгрузки возвращает обращения со всеми пользовательскими полями постранично. Используйте курсор из каждого ответа, чтобы получить следующую страницу.
pl|*|cgreet|Dzień dobry,
pl|*|cgreet|Witam,
pl|*|cgreet|Dzień dobry Państwu,
pl|*|cgreet|Cześć,
pl|*|csign|Pozdrawiam,\n{name}
pl|*|csign|Z poważaniem,\n{name}
pl|*|csign|Dziękuję z góry!\n{first}
pl|*|csign|Pozdrawiam serdecznie,\n{name}
pl|*|agreet|Dzień dobry,
pl|*|agreet|Witam serdecznie,
pl|*|agreet|Dzień dobry Państwu,
pl|*|asign|Pozdrawiam serdecznie,\n{agent}\nDział obsługi klienta
pl|*|asign|Z poważaniem,\n{agent}
pl|*|asign|Miłego dnia!\n{agent}, zespół wsparcia
pl|*|detail|Numer zamówienia: {order}.
pl|*|detail|Jeszcze wczoraj wszystko działało.
pl|*|detail|To pilne, cały zespół nie może pracować.
pl|*|detail|W załączniku przesyłam zrzut ekranu.
pl|*|detail|Problem wystąpił {date}.
pl|*|detail|Wylogowanie i ponowne zalogowanie nie pomaga.
pl|*|cfollow|Dziękuję za szybką odpowiedź. Niestety to nie pomogło, problem nadal występuje. Czy mogą Państwo sprawdzić jeszcze raz?
pl|*|cfollow|Przesyłam zrzut ekranu, o który Państwo prosili. Dziś rano problem się powtórzył.
pl|*|cfollow|Przepraszam, ale nie do końca rozumiem. Co dokładnie trzeba zrobić po naszej stronie?
pl|*|cfollow|Sprawdzamy ponownie i nic się nie zmieniło. To robi się już frustrujące.
pl|*|cfollow|Zrobione, tak jak Państwo radzili. Czy potrzebują Państwo czegoś jeszcze?
pl|*|cthanks|Działa, bardzo dziękuję!
pl|*|cthanks|Teraz wszystko w porządku, dziękuję za pomoc.
pl|*|cthanks|Super, dzięki!
pl|*|hold|Dziękujemy za szczegóły. Przekazaliśmy sprawę naszym specjalistom i wrócimy z odpowiedzią, gdy tylko ją otrzymamy.
pl|*|hold|Dziękujemy za cierpliwość. Prosimy o przesłanie zrzutu ekranu z błędem i dokładnej godziny jego wystąpienia — pomoże nam to znaleźć go w logach.
pl|*|hold|Przepraszamy za kłopot. Wyjaśniamy sprawę z odpowiedzialnym zespołem i jeszcze dziś przekażemy informację.
pl|*|solgen|Cieszymy się, że sprawa została wyjaśniona. Oznaczamy zgłoszenie jako rozwiązane; w razie potrzeby wystarczy odpowiedzieć na tę wiadomość.
pl|*|ack|Dziękujemy za kontakt! Otrzymaliśmy Państwa zgłoszenie i nadaliśmy mu numer #{ticket}. Nasz konsultant odpowie najszybciej, jak to możliwe. Prosimy o zachowanie numeru zgłoszenia w temacie odpowiedzi.
pl|*|ack|To automatyczne potwierdzenie: Państwa zgłoszenie zostało zarejestrowane pod numerem #{ticket}. Dział obsługi pracuje od poniedziałku do piątku w godzinach 8:00–18:00.
pl|*|phone|Rozmowa telefoniczna:
pl|*|walkin|Wizyta w biurze obsługi:
pl|*|kbout|Jeśli ten artykuł nie rozwiązał problemu, odpowiedz na dowolną naszą wiadomość lub utwórz zgłoszenie w portalu klienta i dołącz zrzuty ekranu oraz godzinę wystąpienia problemu. Dział obsługi pracuje od poniedziałku do piątku w godzinach 8:00–18:00.
pl|*|kbout|Potrzebujesz pomocy? Skontaktuj się z nami przez czat, telefonicznie lub mailowo. Klienci Premium i VIP mają do dyspozycji dedykowaną linię wsparcia.
pl|*|kbsuf|wersja webowa
pl|*|kbsuf|aplikacja mobilna
pl|*|kbsuf|konta firmowe
pl|*|kbsuf|najczęstsze pytania
pl|*|kbsuf|instrukcja krok po kroku
pl|*|low|Przez dwa dni nikt nie odpowiedział.
pl|*|low|Problem nadal nie jest rozwiązany.
pl|*|low|Trzy razy trzeba było tłumaczyć to samo.
pl|*|low|Odpowiedź była gotową formułką, która nie dotyczyła mojego pytania.
pl|*|low|Zgłoszenie zamknięto bez pytania mnie o zdanie.
pl|*|high|Szybko i uprzejmie, dziękuję!
pl|*|high|Problem rozwiązany w kilka minut, świetna obsługa.
pl|*|high|Dziękuję za pomoc, {agent}!
pl|*|high|Wszystko jasno wyjaśnione, dzięki.
pl|*|amount|39,00 zł
pl|*|amount|79,00 zł
pl|*|amount|119,00 zł
pl|*|amount|199,00 zł
pl|*|amount|399,00 zł
pl|*|amount|599,00 zł
pl|*|cnote|Woli kontakt telefoniczny po południu.
pl|*|cnote|Kluczowy kontakt po stronie klienta: w sprawach rozliczeń informować opiekuna konta.
pl|*|cnote|Prosi o kontakt wyłącznie mailowy.
pl|*|cnote|Rezygnacja z newslettera.
pl|*|onote|Umowa korporacyjna, odnowienie w marcu.
pl|*|onote|Płaci wyłącznie przelewem, faktury wysyłać do księgowości.
pl|*|onote|Uczestniczy w pilotażu nowej aplikacji mobilnej.
pl|billing|subj|Podwójne obciążenie za subskrypcję
pl|billing|subj|Błędna kwota ostatniej płatności
pl|billing|subj|Nieznane obciążenie karty
pl|billing|subj|Płatność nieudana, ale pieniądze pobrane
pl|billing|prob|W tym miesiącu opłata za subskrypcję została pobrana dwa razy. Obie płatności po {amount} widać na wyciągu bankowym.
pl|billing|prob|Z karty pobrano {amount}, a nasz plan powinien kosztować mniej. W ustawieniach konta nic nie było zmieniane.
pl|billing|prob|Na wyciągu widzę obciążenie na {amount}, którego nie rozpoznaję. Za co jest ta płatność?
pl|billing|prob|Strona płatności pokazała błąd, ale {amount} i tak zostało pobrane z konta.
pl|billing|ans|Sprawdziliśmy Państwa konto — rzeczywiście druga płatność na {amount} była zdublowana. Zleciliśmy zwrot, który zwykle pojawia się na karcie w ciągu 3–5 dni roboczych.
pl|billing|ans|Kwota obejmuje VAT oraz proporcjonalną opłatę za stanowiska dodane w zeszłym miesiącu. W załączniku przesyłamy szczegółowe rozliczenie.
pl|billing|ans|To obciążenie to automatyczne odnowienie rocznego planu. Jeśli nie planowali Państwo odnowienia, możemy je anulować i zwrócić płatność.
pl|billing|ans|Nieudana płatność nie jest przez nas pobierana: widoczna kwota to blokada środków, którą bank zwolni w ciągu kilku dni. Subskrypcja jest opłacona i aktywna.
pl|billing|sol|Po naszej stronie wszystko już poprawione: kwota została skorygowana, a nadpłata wraca na kartę. W razie pytań wystarczy odpowiedzieć na tę wiadomość.
pl|billing|note|Podwójne obciążenie potwierdzone w bramce płatniczej, zwrot zlecony.
pl|billing|note|Logi bramki: pierwsza próba zakończyła się timeoutem, ale środki zostały pobrane. Znany problem operatora.
pl|billing|kbt|Jak czytać obciążenia na wyciągu bankowym
pl|billing|kbt|Dlaczego płatność została pobrana dwa razy?
pl|billing|kbt|Płatność nieudana: co zrobić
pl|billing|kbt|Zmiana metody płatności
pl|billing|kbt|Jak naliczany jest VAT
pl|billing|kbp|Każde obciążenie na wyciągu zawiera nazwę naszej firmy i numer faktury. Obciążenia możesz porównać z fakturami w zakładce Ustawienia > Płatności > Historia faktur.
pl|billing|kbp|Podwójne obciążenie zdarza się zwykle, gdy formularz płatności zostanie wysłany dwa razy. Dział rozliczeń codziennie sprawdza takie przypadki i automatycznie zwraca pieniądze; jeśli po trzech dniach roboczych nadal widzisz dwa obciążenia, skontaktuj się z nami.
pl|billing|kbp|Nieudana płatność nigdy nie jest przez nas pobierana. Jeśli bank pokazuje obciążenie po błędzie płatności, jest to blokada środków, którą bank automatycznie zwolni w ciągu kilku dni.
pl|billing|kbp|Aby zmienić metodę płatności, przejdź do zakładki Ustawienia > Płatności > Metoda płatności, wpisz dane nowej karty i potwierdź operację w banku.
pl|billing|kbp|Ceny na stronie są cenami netto. Stawka VAT zależy od kraju i jest podana osobno na każdej fakturze.
pl|invoice|subj|Proszę o fakturę do zamówienia {order}
pl|invoice|subj|Brak danych firmy na fakturze
pl|invoice|subj|Proszę o korektę numeru NIP na fakturze
pl|invoice|subj|Gdzie pobrać faktury?
pl|invoice|prob|Proszę o przesłanie faktury do zamówienia {order}. Księgowość potrzebuje jej do końca miesiąca.
pl|invoice|prob|Na otrzymanej fakturze brakuje nazwy i adresu naszej firmy. Potrzebujemy poprawionej faktury do księgowości.
pl|invoice|prob|Na ostatniej fakturze jest błędny numer NIP. Poprawny numer jest w ustawieniach konta.
pl|invoice|prob|Nie możemy znaleźć, gdzie można pobrać faktury za poprzednie miesiące.
pl|invoice|ans|W załączniku przesyłamy fakturę do zamówienia {order}. Wszystkie faktury można też pobrać w zakładce Ustawienia > Płatności > Faktury.
pl|invoice|ans|Zaktualizowaliśmy dane firmy i wystawiliśmy fakturę korygującą — znajdą ją Państwo w załączniku.
pl|invoice|ans|Poprawiliśmy numer NIP w profilu rozliczeniowym i wystawiliśmy fakturę korygującą.
pl|invoice|ans|Wszystkie faktury są dostępne w portalu klienta w zakładce Płatności > Historia faktur, każda do pobrania jako PDF.
pl|invoice|sol|Gotowe: faktura jest dostępna w portalu klienta w zakładce Płatności > Historia faktur, a kopię wysłaliśmy do Państwa i do księgowości.
pl|invoice|note|Faktura wystawiona ponownie z nowym NIP, poprzednia anulowana.
pl|invoice|note|W profilu rozliczeniowym brakowało nazwy firmy, uzupełnione ręcznie.
pl|invoice|kbt|Jak pobrać faktury
pl|invoice|kbt|Dane firmy i NIP na fakturze
pl|invoice|kbt|Jak otrzymać fakturę korygującą
pl|invoice|kbt|Wysyłanie faktur do księgowości
pl|invoice|kbt|Waluta faktury i termin płatności
pl|invoice|kbp|Każda faktura jest dostępna w portalu klienta w zakładce Płatności > Historia faktur. Fakturę można pobrać jako plik PDF.
pl|invoice|kbp|Aby na fakturze widniała nazwa, adres i NIP Twojej firmy, uzupełnij je w zakładce Ustawienia > Płatności > Dane firmy przed wystawieniem kolejnej faktury.
pl|invoice|kbp|Jeśli faktura została już wystawiona z błędnymi danymi, utwórz zgłoszenie — dział rozliczeń wystawi fakturę korygującą.
pl|invoice|kbp|Możesz dodać osobny adres e-mail do faktur, na przykład adres księgowości, a każda faktura zostanie tam wysłana automatycznie.
pl|invoice|kbp|Faktura jest wystawiana w walucie Twojego planu i jest płatna w ciągu 14 dni, chyba że umowa stanowi inaczej.
pl|refund|subj|Zwrot pieniędzy za zamówienie {order}
pl|refund|subj|Kiedy otrzymam zwrot?
pl|refund|subj|Prośba o zwrot pieniędzy
pl|refund|subj|Towar dotarł uszkodzony
pl|refund|prob|Proszę o zwrot pieniędzy za zamówienie {order}. Produkt nie spełnił moich oczekiwań.
pl|refund|prob|Dwa tygodnie temu obiecano nam zwrot, ale pieniądze wciąż nie dotarły.
pl|refund|prob|Subskrypcja została anulowana w okresie próbnym, a mimo to pobrano {amount}. Proszę o zwrot.
pl|refund|prob|Towar dotarł uszkodzony, proszę o pełny zwrot pieniędzy.
pl|refund|ans|Zamówienie {order} kwalifikuje się do pełnego zwrotu, który właśnie zleciliśmy. Bank potrzebuje zwykle 5–7 dni roboczych na jego zaksięgowanie.
pl|refund|ans|Z naszej strony zwrot został wysłany {date}. Czasem bank potrzebuje do 10 dni roboczych — prosimy sprawdzić wyciąg pod koniec tygodnia.
pl|refund|ans|Rzeczywiście, anulowanie w okresie próbnym nie powinno być płatne. Zwróciliśmy całą kwotę {amount}.
pl|refund|ans|Bardzo nam przykro, że towar dotarł uszkodzony. Prosimy o przesłanie zdjęć uszkodzeń — od razu po ich otrzymaniu zlecimy zwrot.
pl|refund|sol|Zwrot {amount} został zrealizowany. Pieniądze pojawią się na koncie w ciągu kilku dni roboczych.
pl|refund|note|Zwrot zatwierdzony zgodnie z 30-dniową polityką.
pl|refund|note|Przekazane do działu finansów: zwrot utknął u operatora płatności.
pl|refund|kbt|Zasady zwrotu pieniędzy
pl|refund|kbt|Ile trwa zwrot?
pl|refund|kbt|Zwrot za uszkodzony towar
pl|refund|kbt|Zwrot za anulowaną subskrypcję
pl|refund|kbt|Jak sprawdzić status zwrotu
pl|refund|kbp|O zwrot pieniędzy możesz poprosić w ciągu 30 dni od zakupu. Utwórz zgłoszenie, podaj numer zamówienia i powód zwrotu.
pl|refund|kbp|Po zatwierdzeniu zwrot trafia na tę samą metodę płatności, której użyto przy zakupie. Zwrot na kartę trwa zwykle 5–7 dni roboczych, przelew bankowy do 10 dni.
pl|refund|kbp|Jeśli towar dotarł uszkodzony, zrób zdjęcia produktu i opakowania i dołącz je do zgłoszenia. Zwrócimy całą kwotę lub wyślemy nowy egzemplarz — wybór należy do Ciebie.
pl|refund|kbp|Anulowanie subskrypcji w okresie próbnym nie powoduje żadnych opłat. Jeśli pobraliśmy płatność przez pomyłkę, zwrócimy ją w całości.
pl|refund|kbp|Status każdego zwrotu znajdziesz w portalu klienta w zakładce Zamówienia > Zwroty.
pl|login|subj|Nie mogę się zalogować
pl|login|subj|Konto zablokowane po nieudanych próbach
pl|login|subj|Kod weryfikacji dwuetapowej nie działa
pl|login|subj|Nie dostaję maila do resetu hasła
pl|login|prob|Od rana nie mogę się zalogować: system twierdzi, że login lub hasło są błędne, a hasło jest na pewno poprawne.
pl|login|prob|Konto zostało zablokowane po kilku nieudanych próbach logowania. Jak je odblokować?
pl|login|prob|Kod weryfikacji dwuetapowej z aplikacji jest cały czas odrzucany.
pl|login|prob|Trzy razy klikam „Nie pamiętasz hasła?”, ale mail z linkiem do resetu hasła nie przychodzi. Folder spam sprawdzony.
pl|login|ans|Dziś rano wystąpiła krótka awaria usługi logowania, problem jest już usunięty. Prosimy spróbować ponownie.
pl|login|ans|Odblokowaliśmy Państwa konto. Prosimy spróbować zalogować się ponownie; jeśli to nie pomoże, warto wyczyścić pamięć podręczną przeglądarki lub użyć okna prywatnego.
pl|login|ans|Kody weryfikacji dwuetapowej zależą od zegara w telefonie. Prosimy upewnić się, że czas w telefonie ustawia się automatycznie, i spróbować z nowym kodem.
pl|login|ans|Z logów wynika, że wiadomości z linkiem do resetu hasła odrzucał Państwa serwer pocztowy. Wysłaliśmy nowy link z innego adresu — prosimy sprawdzić skrzynkę.
pl|login|sol|Cieszymy się, że logowanie znowu działa! Oznaczamy zgłoszenie jako rozwiązane.
pl|login|note|Zablokowane przez ochronę przed zgadywaniem haseł, odblokowane ręcznie.
pl|login|note|2FA zresetowane po telefonicznej weryfikacji tożsamości.
pl|login|kbt|Nie mogę się zalogować
pl|login|kbt|Jak zresetować hasło
pl|login|kbt|Konfiguracja weryfikacji dwuetapowej
pl|login|kbt|Konto zostało zablokowane
pl|login|kbt|Nie przychodzi mail do resetu hasła
pl|login|kbp|Jeśli nie możesz się zalogować, sprawdź, czy Caps Lock jest wyłączony i czy używasz adresu e-mail, na który założono konto. Następnie spróbuj w oknie prywatnym przeglądarki.
pl|login|kbp|Aby zresetować hasło, kliknij „Nie pamiętasz hasła?” na stronie logowania i wpisz adres e-mail. Link jest ważny 30 minut i działa tylko najnowszy z wysłanych linków.
pl|login|kbp|Kody weryfikacji dwuetapowej zależą od czasu. Jeśli kody są odrzucane, sprawdź, czy czas w telefonie ustawia się automatycznie.
pl|login|kbp|Po pięciu nieudanych próbach logowania konto jest blokowane na 30 minut. Możesz poczekać lub poprosić dział wsparcia o odblokowanie po weryfikacji tożsamości.
pl|login|kbp|Jeśli mail do resetu hasła nie przychodzi, sprawdź folder spam i upewnij się, że Twój serwer pocztowy przyjmuje wiadomości z naszej domeny.
pl|delivery|subj|Zamówienie {order} nie dotarło
pl|delivery|subj|Numer przesyłki nie działa
pl|delivery|subj|Dostarczono niewłaściwy produkt
pl|delivery|subj|Zmiana adresu dostawy
pl|delivery|prob|Zamówienie {order} miało dotrzeć w zeszłym tygodniu, a wciąż go nie ma.
pl|delivery|prob|Numer przesyłki z maila potwierdzającego na stronie kuriera pokazuje „nie znaleziono”.
pl|delivery|prob|Otrzymany produkt jest inny niż zamówiony (zamówienie {order}).
pl|delivery|prob|Czy można jeszcze zmienić adres dostawy zamówienia {order}? W przyszłym tygodniu się przeprowadzamy.
pl|delivery|ans|Skontaktowaliśmy się z kurierem: paczka jest w lokalnym oddziale i zostanie doręczona jutro. Poniżej zaktualizowany link do śledzenia.
pl|delivery|ans|Numer przesyłki zaczyna działać do 24 godzin po nadaniu paczki. Teraz jest już aktywny — poniżej link do śledzenia.
pl|delivery|ans|Przepraszamy za pomyłkę! Wysłaliśmy bezpłatną etykietę zwrotną, a właściwy produkt wyślemy jeszcze dziś.
pl|delivery|ans|Paczka nie opuściła jeszcze magazynu, więc zmieniliśmy adres dostawy.
pl|delivery|sol|Kurier potwierdza, że paczka została dziś doręczona. Miłego korzystania!
pl|delivery|note|Otwarta reklamacja u kuriera, paczka uznana za zaginioną.
pl|delivery|note|Magazyn wydał zły produkt, wymiana wysłana ekspresem.
pl|delivery|kbt|Jak śledzić zamówienie
pl|delivery|kbt|Co zrobić, gdy zamówienie nie dotarło
pl|delivery|kbt|Zmiana adresu dostawy
pl|delivery|kbt|Otrzymano niewłaściwy produkt
pl|delivery|kbt|Czas i koszt dostawy
pl|delivery|kbp|Gdy tylko zamówienie zostanie wysłane, otrzymasz e-mail z numerem przesyłki i linkiem do strony kuriera. Numer może zacząć działać dopiero po 24 godzinach.
pl|delivery|kbp|Jeśli zamówienie nie dotarło w przewidywanym terminie, najpierw sprawdź stronę śledzenia przesyłki. Jeśli status nie zmienia się od trzech dni, napisz do nas — złożymy reklamację u kuriera.
pl|delivery|kbp|Adres dostawy można zmienić, dopóki zamówienie nie opuściło magazynu. Utwórz zgłoszenie z numerem zamówienia i nowym adresem.
pl|delivery|kbp|Jeśli w paczce jest niewłaściwy produkt, nie odsyłaj go na własny koszt: prześlemy bezpłatną etykietę zwrotną i od razu wyślemy właściwy produkt.
pl|delivery|kbp|Standardowa dostawa trwa 2–4 dni robocze; dostawa ekspresowa dociera następnego dnia roboczego przy zamówieniu do 14:00.
pl|bug|subj|Aplikacja zamyka się przy otwieraniu raportów
pl|bug|subj|Błąd 500 przy zapisywaniu
pl|bug|subj|Przycisk eksportu nie działa
pl|bug|subj|Po aktualizacji zniknęły dane
pl|bug|prob|Aplikacja zamyka się za każdym razem przy otwieraniu sekcji Raporty. Ponowna instalacja nie pomogła.
pl|bug|prob|Przy zapisywaniu karty klienta pojawia się „Błąd 500: wewnętrzny błąd serwera”.
pl|bug|prob|Przycisk „Eksport do CSV” nic nie robi, plik się nie pobiera.
pl|bug|prob|Po ostatniej aktualizacji zniknęła część zapisanych filtrów i notatek.
pl|bug|ans|Dziękujemy za dokładny opis. Udało nam się odtworzyć błąd — to znany problem wersji 4.2, poprawka pojawi się w aktualizacji w tym tygodniu.
pl|bug|ans|Nasi programiści znaleźli przyczynę błędu: pole dłuższe niż 255 znaków. Tymczasowo prosimy skrócić pole „Adres”, docelowa poprawka jest w przygotowaniu.
pl|bug|ans|Prosimy spróbować w innej przeglądarce. Eksport bywa blokowany przez blokadę wyskakujących okienek — warto zezwolić na nie dla naszej strony.
pl|bug|ans|Filtry i notatki nie zostały usunięte: po aktualizacji ukrył je błąd wyświetlania. Przywróciliśmy je na Państwa koncie — prosimy odświeżyć stronę.
pl|bug|sol|Poprawka jest dostępna w wersji 4.2.1. Prosimy zaktualizować aplikację i dać znać, jeśli problem wróci.
pl|bug|note|Odtworzone na środowisku testowym, powiązane z BUG-1432.
pl|bug|note|W logach timeout usługi raportów, przekazane programistom.
pl|bug|kbt|Aplikacja zamyka się przy uruchomieniu
pl|bug|kbt|Błąd 500 przy zapisywaniu
pl|bug|kbt|Eksport danych do CSV
pl|bug|kbt|Jak skutecznie zgłosić błąd
pl|bug|kbt|Znane problemy w najnowszej wersji
pl|bug|kbp|Jeśli aplikacja się zamyka, upewnij się, że masz zainstalowaną najnowszą wersję: większość błędów ze starszych wersji została już naprawiona.
pl|bug|kbp|„Błąd 500” oznacza problem po naszej stronie. Spróbuj ponownie za kilka minut; jeśli błąd się powtarza, podaj nam dokładną godzinę i opisz, co było zapisywane.
pl|bug|kbp|Eksport pobiera plik CSV w przeglądarce. Jeśli nic się nie dzieje, sprawdź, czy nasza strona może otwierać wyskakujące okienka i pobierać pliki.
pl|bug|kbp|Dobre zgłoszenie błędu zawiera opis kroków, oczekiwany i faktyczny wynik, zrzuty ekranu oraz godzinę wystąpienia błędu. Dzięki temu programiści szybko znajdą go w logach.
pl|bug|kbp|Znane problemy i sposoby ich obejścia publikujemy w informacjach o każdej wersji.
pl|performance|subj|Panel działa bardzo wolno
pl|performance|subj|Strony ładują się bardzo długo
pl|performance|subj|Timeouty w godzinach pracy
pl|performance|subj|Synchronizacja trwa godzinami
pl|performance|prob|Panel ładuje się ponad minutę, problem dotyczy całego zespołu.
pl|performance|prob|Od poniedziałku wszystkie strony otwierają się bardzo wolno, szczególnie rano.
pl|performance|prob|Między 9 a 11 ciągle dostajemy błędy przekroczenia czasu.
pl|performance|prob|Synchronizacja z aplikacją mobilną trwa teraz godzinami zamiast minut.
pl|performance|ans|Na Państwa koncie jest bardzo dużo zarchiwizowanych rekordów, co spowalnia panel. Włączyliśmy archiwizację rekordów starszych niż dwa lata, co powinno wyraźnie pomóc.
pl|performance|ans|Dziś rano jeden z naszych serwerów baz danych był mocno obciążony. Problem został usunięty, strony powinny ładować się normalnie.
pl|performance|ans|Prosimy uruchomić test prędkości z poniższego linku i przesłać wynik — dzięki temu ustalimy, czy opóźnienie jest po naszej stronie, czy w sieci.
pl|performance|ans|Pierwsza synchronizacja po aktualizacji ponownie pobiera wszystkie rekordy, dlatego trwa dłużej; kolejne przesyłają już tylko zmiany. Jeśli jutro nadal będzie wolno, prosimy o przesłanie logów aplikacji.
pl|performance|sol|Nasz monitoring pokazuje, że czasy odpowiedzi wróciły do normy. Dziękujemy za cierpliwość!
pl|performance|note|Wolne zapytania na shardzie 3, DBA powiadomiony.
pl|performance|note|Klient na starym planie z 2 mln rekordów, zalecona archiwizacja.
pl|performance|kbt|Dlaczego panel działa wolno?
pl|performance|kbt|Jak przyspieszyć ładowanie stron
pl|performance|kbt|Timeouty i błędy połączenia
pl|performance|kbt|Przyspieszenie synchronizacji aplikacji mobilnej
pl|performance|kbt|Sprawdzanie statusu usług
pl|performance|kbp|Panel ładuje dane wszystkich otwartych rekordów. Na kontach z bardzo dużą liczbą rekordów pomaga archiwizacja starszych danych.
pl|performance|kbp|Wolne ładowanie stron często wynika z rozszerzeń przeglądarki lub jej nieaktualnej wersji. Dla porównania spróbuj w oknie prywatnym lub innej przeglądarce.
pl|performance|kbp|Błędy przekroczenia czasu mogą wystąpić podczas prac serwisowych lub dużego obciążenia. Sprawdź stronę statusu; jeśli nie ma żadnego incydentu, prześlij nam godziny wystąpienia błędów.
pl|performance|kbp|Aplikacja mobilna synchronizuje tylko zmiany od ostatniej synchronizacji. Jeśli pierwsza synchronizacja po reinstalacji trwa długo, zostaw aplikację otwartą przy połączeniu Wi-Fi.
pl|performance|kbp|Strona statusu pokazuje bieżący stan wszystkich usług i trwające incydenty.
pl|account|subj|Zmiana adresu e-mail na koncie
pl|account|subj|Proszę o usunięcie konta
pl|account|subj|Prośba o kopię danych osobowych
pl|account|subj|Dodanie nowego użytkownika
pl|account|prob|Proszę o zmianę adresu e-mail na koncie na nowy, służbowy.
pl|account|prob|Proszę o usunięcie mojego konta i wszystkich moich danych osobowych.
pl|account|prob|Na podstawie RODO proszę o kopię wszystkich danych osobowych, które Państwo o mnie przechowują.
pl|account|prob|Jak dodać nowego współpracownika do konta firmowego?
pl|account|ans|Wysłaliśmy link potwierdzający na nowy adres. Po jego kliknięciu zmiana zostanie zakończona.
pl|account|ans|Konto zostanie usunięte w ciągu 30 dni, zgodnie z przepisami. Po zakończeniu otrzymają Państwo e-mail z potwierdzeniem.
pl|account|ans|Uruchomiliśmy eksport Państwa danych osobowych. Link do pobrania przyjdzie e-mailem w ciągu 48 godzin.
pl|account|ans|Użytkowników można dodać w zakładce Ustawienia > Zespół > Zaproś użytkownika. Każdy potrzebuje własnego adresu e-mail.
pl|account|sol|Wszystko zostało zrobione zgodnie z prośbą. Jeśli możemy pomóc w czymś jeszcze, prosimy o wiadomość.
pl|account|note|Tożsamość potwierdzona telefonicznie przed zmianami na koncie.
pl|account|note|Wniosek RODO wpisany do rejestru.
pl|account|kbt|Zmiana adresu e-mail
pl|account|kbt|Usuwanie konta
pl|account|kbt|Kopia danych osobowych (RODO)
pl|account|kbt|Dodawanie i usuwanie użytkowników
pl|account|kbt|Zmiana właściciela konta
pl|account|kbp|Aby zmienić adres e-mail, przejdź do zakładki Profil > Konto i wpisz nowy adres. Wyślemy na niego link potwierdzający; zmiana nastąpi po jego kliknięciu.
pl|account|kbp|Konto możesz usunąć w zakładce Profil > Prywatność > Usuń konto. Dane są usuwane w ciągu 30 dni, z wyjątkiem faktur, które musimy przechowywać zgodnie z prawem.
pl|account|kbp|Na podstawie RODO masz prawo do kopii swoich danych osobowych. Zamów ją w zakładce Profil > Prywatność > Eksport danych — link do pobrania przyjdzie e-mailem.
pl|account|kbp|Administratorzy konta mogą dodawać użytkowników w zakładce Ustawienia > Zespół > Zaproś użytkownika i tam też ich usuwać.
pl|account|kbp|Właściciel konta może przekazać uprawnienia właściciela innemu administratorowi w zakładce Ustawienia > Zespół.
pl|subscription|subj|Przejście na plan Business
pl|subscription|subj|Jak anulować subskrypcję?
pl|subscription|subj|Zmiana na tańszy plan
pl|subscription|subj|Pytanie o limity planu
pl|subscription|prob|Chcemy przejść na plan Business. Czy od razu zostanie pobrana pełna kwota?
pl|subscription|prob|Jak anulować subskrypcję? Nigdzie nie możemy znaleźć tej opcji.
pl|subscription|prob|Potrzebujemy teraz mniej stanowisk. Czy od przyszłego miesiąca możemy przejść na tańszy plan?
pl|subscription|prob|Osiągnęliśmy limit użytkowników w naszym planie. Jakie mamy możliwości?
pl|subscription|ans|Przy zmianie na wyższy plan dopłacają Państwo tylko różnicę za pozostałą część okresu rozliczeniowego. Można to zrobić w zakładce Ustawienia > Subskrypcja.
pl|subscription|ans|Subskrypcję można anulować w zakładce Ustawienia > Subskrypcja > Anuluj plan. Dostęp pozostaje aktywny do końca opłaconego okresu.
pl|subscription|ans|Zaplanowaliśmy zmianę planu od początku kolejnego okresu rozliczeniowego, do tego czasu nic się nie zmienia.
pl|subscription|ans|Dodatkowe stanowiska można dokupić w zakładce Ustawienia > Subskrypcja albo przejść na plan Business, który nie ma limitu użytkowników.
pl|subscription|sol|Plan został zmieniony zgodnie z prośbą. Nowa cena pojawi się na kolejnej fakturze.
pl|subscription|note|Zaproponowany rabat 20% za pozostanie, klient się zgodził.
pl|subscription|note|Zmiana planu zaplanowana, sprawdzić liczbę stanowisk przed odnowieniem.
pl|subscription|kbt|Przejście na wyższy plan
pl|subscription|kbt|Anulowanie subskrypcji
pl|subscription|kbt|Zmiana na tańszy plan i mniej stanowisk
pl|subscription|kbt|Limity planów
pl|subscription|kbt|Zmiana rozliczenia miesięcznego na roczne
pl|subscription|kbp|Po przejściu na wyższy plan nowe funkcje są dostępne od razu, a dopłacasz tylko proporcjonalną różnicę za bieżący okres.
pl|subscription|kbp|Subskrypcję możesz anulować w dowolnym momencie w zakładce Ustawienia > Subskrypcja. Dostęp pozostaje aktywny do końca opłaconego okresu.
pl|subscription|kbp|Zmiana na tańszy plan i zmniejszenie liczby stanowisk obowiązują od początku kolejnego okresu rozliczeniowego, więc nie tracisz opłaconego dostępu.
pl|subscription|kbp|Każdy plan ma limity użytkowników, miejsca na dane i zapytań do API. Bieżące zużycie znajdziesz w zakładce Ustawienia > Subskrypcja > Wykorzystanie.
pl|subscription|kbp|Rozliczenie roczne to oszczędność dwóch miesięcy w porównaniu z miesięcznym. Zmienisz je w zakładce Ustawienia > Subskrypcja.
pl|integration|subj|API zwraca 401 Unauthorized
pl|integration|subj|Przestały przychodzić webhooki
pl|integration|subj|Przekroczony limit zapytań
pl|integration|subj|Pytanie o REST API
pl|integration|prob|Od wczoraj każde wywołanie Państwa API zwraca 401 Unauthorized, choć nie zmienialiśmy klucza API.
pl|integration|prob|Nasz endpoint webhooków nie otrzymał żadnego zdarzenia od {date}.
pl|integration|prob|Podczas nocnego importu API ciągle zwraca „429 Too Many Requests”.
pl|integration|prob|Czy w API jest endpoint do eksportu wszystkich zgłoszeń z polami niestandardowymi?
pl|integration|ans|Po aktualizacji bezpieczeństwa klucze API utworzone przed marcem trzeba wygenerować ponownie. Prosimy utworzyć nowy klucz w zakładce Ustawienia > API i zaktualizować integrację.
pl|integration|ans|Państwa webhook został automatycznie wyłączony po powtarzających się odpowiedziach 5xx z Państwa serwera. Włączyliśmy go ponownie — prosimy sprawdzić, czy endpoint odpowiada kodem 200.
pl|integration|ans|Domyślny limit to 600 zapytań na minutę. Do importu prosimy używać endpointu wsadowego; możemy też podnieść limit dla Państwa konta.
pl|integration|ans|Tak: GET /api/v2/tickets/export zwraca wszystkie zgłoszenia z polami niestandardowymi, strona po stronie. Szczegóły są w dokumentacji API w portalu dla programistów.
pl|integration|sol|Według naszych logów zdarzenia znów są dostarczane. Prosimy o informację, jeśli zauważą Państwo luki.
pl|integration|note|Webhook wyłączony automatycznie po 50 błędach z rzędu, włączony ponownie.
pl|integration|note|Limit API podniesiony do 1200/min dla tego konta (zgoda team leadera).
pl|integration|kbt|Pierwsze kroki z REST API
pl|integration|kbt|Klucze API i uwierzytelnianie
pl|integration|kbt|Webhooki: konfiguracja i rozwiązywanie problemów
pl|integration|kbt|Limity zapytań API
pl|integration|kbt|Eksport zgłoszeń przez API
pl|integration|kbp|Nasze REST API używa formatu JSON przez HTTPS. Każde zapytanie wymaga klucza API, który utworzysz w zakładce Ustawienia > API.
pl|integration|kbp|Odpowiedź 401 Unauthorized oznacza, że brakuje klucza API albo klucz wygasł lub został unieważniony. Utwórz nowy klucz i zaktualizuj integrację.
pl|integration|kbp|Webhooki wysyłają żądanie HTTP POST na Twój endpoint przy każdym subskrybowanym zdarzeniu. Jeśli endpoint wielokrotnie zwraca błąd, webhook zostaje wyłączony, a Ty otrzymasz e-mail.
pl|integration|kbp|API pozwala na 600 zapytań na minutę na konto. Odpowiedź 429 Too Many Requests oznacza, że trzeba poczekać; przy dużych importach używaj endpointów wsadowych.
pl|integration|kbp|Endpoint eksportu zwraca zgłoszenia ze wszystkimi polami niestandardowymi, strona po stronie. Użyj kursora z każdej odpowiedzi, aby pobrać kolejną stronę.
$fragments$, E'\n') WITH ORDINALITY AS x(l, n)
WHERE l ~ '^(en|ru|pl)\|';

CREATE INDEX ON frontline_demo.fragments (lang, topic, kind);

-- Per topic and language: arrays of fragments, one column per kind.
CREATE TABLE frontline_demo.topic_text AS
SELECT lang, topic,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'subj') AS subj,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'prob') AS prob,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'ans')  AS ans,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'sol')  AS sol,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'note') AS note,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'kbt')  AS kbt,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'kbp')  AS kbp
  FROM frontline_demo.fragments
 WHERE topic <> '*'
 GROUP BY lang, topic;
ALTER TABLE frontline_demo.topic_text ADD PRIMARY KEY (lang, topic);

-- Per language: the fragments that fit any topic.
CREATE TABLE frontline_demo.lang_text AS
SELECT lang,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'cgreet')  AS cgreet,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'csign')   AS csign,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'agreet')  AS agreet,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'asign')   AS asign,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'detail')  AS detail,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'cfollow') AS cfollow,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'cthanks') AS cthanks,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'hold')    AS hold,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'solgen')  AS solgen,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'ack')     AS ack,
       min(body) FILTER (WHERE kind = 'phone')                      AS phone,
       min(body) FILTER (WHERE kind = 'walkin')                     AS walkin,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'kbout')   AS kbout,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'kbsuf')   AS kbsuf,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'low')     AS low,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'high')    AS high,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'amount')  AS amount,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'cnote')   AS cnote,
       array_agg(body ORDER BY ord) FILTER (WHERE kind = 'onote')   AS onote
  FROM frontline_demo.fragments
 WHERE topic = '*'
 GROUP BY lang;
ALTER TABLE frontline_demo.lang_text ADD PRIMARY KEY (lang);

-- Topics: the queue they go to and how common they are.
CREATE TABLE frontline_demo.topics (
    topic      text PRIMARY KEY,
    queue      text NOT NULL,
    weight     double precision NOT NULL,
    technical  boolean NOT NULL DEFAULT false
);
INSERT INTO frontline_demo.topics VALUES
    ('billing', 'Billing', 14, false), ('invoice', 'Billing', 8, false),
    ('refund', 'Billing', 10, false), ('subscription', 'Billing', 9, false),
    ('login', 'General', 14, false), ('delivery', 'General', 12, false),
    ('account', 'General', 8, false), ('bug', 'Technical', 12, true),
    ('performance', 'Technical', 6, true), ('integration', 'Technical', 7, true);

-- The reason codes of low ratings, in the order of lang_text.low: the codes
-- the rating prompt offers (007), so the feedback view names them.
CREATE TABLE frontline_demo.low_reasons (n integer PRIMARY KEY, reason text NOT NULL);
INSERT INTO frontline_demo.low_reasons VALUES
    (1, 'long_wait'), (2, 'not_resolved'), (3, 'other'),
    (4, 'low_expertise'), (5, 'not_resolved');

-- Names per language; female surnames derived (Russian -ова/-ева/-ина,
-- Polish -ska/-cka/-dzka).
CREATE TABLE frontline_demo.names (
    lang          text PRIMARY KEY,
    male_first    text[] NOT NULL,
    female_first  text[] NOT NULL,
    last_male     text[] NOT NULL,
    last_female   text[] NOT NULL
);
INSERT INTO frontline_demo.names (lang, male_first, female_first, last_male, last_female)
SELECT lang, mf, ff, lm,
       CASE lang WHEN 'en' THEN lm
                 WHEN 'ru' THEN ARRAY(SELECT x || 'а' FROM unnest(lm) WITH ORDINALITY AS u(x, o) ORDER BY o)
                 ELSE ARRAY(SELECT regexp_replace(x, 'ki$', 'ka') FROM unnest(lm) WITH ORDINALITY AS u(x, o) ORDER BY o)
       END
FROM (VALUES
 ('en',
  ARRAY['James','John','Robert','Michael','David','William','Richard','Thomas','Daniel','Matthew','Andrew','Mark','Paul','Steven','George','Oliver','Harry','Jack','Samuel','Benjamin','Lucas','Ethan','Noah','Liam','Henry','Kevin','Brian','Ryan','Nathan','Adam'],
  ARRAY['Mary','Patricia','Jennifer','Linda','Elizabeth','Sarah','Jessica','Karen','Emily','Emma','Olivia','Sophie','Charlotte','Amelia','Grace','Hannah','Chloe','Lucy','Rachel','Laura','Megan','Natalie','Rebecca','Victoria','Zoe','Ella','Isabella','Ruby','Alice','Jane'],
  ARRAY['Smith','Johnson','Williams','Brown','Jones','Miller','Davis','Wilson','Taylor','Anderson','Thomas','Moore','Martin','Jackson','Thompson','White','Harris','Clark','Lewis','Robinson','Walker','Young','Allen','King','Wright','Scott','Green','Baker','Adams','Hill','Campbell','Mitchell','Roberts','Carter','Phillips','Evans','Turner','Parker','Collins','Edwards','Stewart','Morris','Murphy','Cook','Rogers','Morgan','Cooper','Peterson','Reed','Bailey','Bell','Kelly','Howard','Ward','Cox','Richardson','Wood','Watson','Brooks','Bennett','Gray','Hughes','Price','Sanders','Patel','Khan','O''Brien','Fletcher','MacDonald','Sullivan']),
 ('ru',
  ARRAY['Александр','Алексей','Андрей','Дмитрий','Сергей','Иван','Михаил','Николай','Павел','Владимир','Евгений','Максим','Артём','Игорь','Олег','Роман','Кирилл','Денис','Юрий','Виктор','Григорий','Константин','Илья','Тимур','Фёдор'],
  ARRAY['Анна','Мария','Елена','Ольга','Наталья','Татьяна','Ирина','Екатерина','Светлана','Юлия','Анастасия','Дарья','Ксения','Марина','Людмила','Алина','Виктория','Полина','Софья','Вера','Галина','Надежда','Евгения','Валерия','Жанна'],
  ARRAY['Иванов','Смирнов','Кузнецов','Попов','Васильев','Петров','Соколов','Михайлов','Новиков','Фёдоров','Морозов','Волков','Алексеев','Лебедев','Семёнов','Егоров','Павлов','Козлов','Степанов','Николаев','Орлов','Андреев','Макаров','Никитин','Захаров','Зайцев','Соловьёв','Борисов','Яковлев','Григорьев','Романов','Воробьёв','Сергеев','Кузьмин','Фролов','Александров','Дмитриев','Королёв','Гусев','Киселёв','Ильин','Максимов','Поляков','Сорокин','Виноградов','Ковалёв','Белов','Медведев','Антонов','Тарасов']),
 ('pl',
  ARRAY['Piotr','Krzysztof','Andrzej','Tomasz','Paweł','Michał','Marcin','Jakub','Łukasz','Grzegorz','Mateusz','Adam','Marek','Wojciech','Kamil','Rafał','Jan','Szymon','Bartłomiej','Maciej','Dariusz','Przemysław','Sebastian','Zbigniew','Jerzy'],
  ARRAY['Anna','Katarzyna','Małgorzata','Agnieszka','Barbara','Ewa','Magdalena','Joanna','Aleksandra','Monika','Zofia','Justyna','Natalia','Karolina','Beata','Dorota','Agata','Żaneta','Jadwiga','Elżbieta','Grażyna','Halina','Iwona','Weronika','Urszula'],
  ARRAY['Nowak','Kowalski','Wiśniewski','Wójcik','Kowalczyk','Kamiński','Lewandowski','Zieliński','Szymański','Woźniak','Dąbrowski','Kozłowski','Jankowski','Mazur','Kwiatkowski','Krawczyk','Piotrowski','Grabowski','Nowakowski','Pawłowski','Michalski','Nowicki','Adamczyk','Dudek','Zając','Wieczorek','Jabłoński','Król','Majewski','Olszewski','Jaworski','Wróbel','Malinowski','Pawlak','Witkowski','Walczak','Stępień','Górski','Rutkowski','Michalak','Sikora','Ostrowski','Baran','Duda','Szewczyk','Tomaszewski','Pietrzak','Wróblewski','Zalewski','Jasiński','Zawadzki','Sadowski','Bąk','Chmielewski','Włodarczyk','Czarnecki','Sawicki','Sokołowski','Urbański','Kubiak','Maciejewski','Szczepański','Wilk','Kalinowski','Lis','Wysocki','Kaźmierczak','Cieślak','Głowacki','Żak'])
) AS v(lang, mf, ff, lm);

-- ---------------------------------------------------------------------------
-- Helpers (kept after the seed: simulate_tick uses them)
-- ---------------------------------------------------------------------------

-- A random element of an array.
CREATE FUNCTION frontline_demo.pick(p anyarray) RETURNS anyelement
LANGUAGE sql VOLATILE AS $$
    SELECT p[array_lower(p, 1) + floor(random() * cardinality(p))::int]
$$;

-- items[k] where thresholds[k] <= r < thresholds[k+1] (thresholds ascending,
-- starting at 0): a weighted choice for r = random().
CREATE FUNCTION frontline_demo.wpick(r double precision, items anyarray, thresholds double precision[])
RETURNS anyelement LANGUAGE sql IMMUTABLE AS $$
    SELECT items[width_bucket(r, thresholds)]
$$;

-- Fills the placeholders of a fragment.
CREATE FUNCTION frontline_demo.fill(body text, customer_name text, agent_name text, ticket_id bigint,
                                    order_no text, amount text, day text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(replace(replace(replace(replace(replace(replace(body,
               '{first}', split_part(customer_name, ' ', 1)),
               '{name}', customer_name),
               '{agent}', coalesce(agent_name, '')),
               '{ticket}', coalesce(ticket_id::text, '')),
               '{order}', coalesce(order_no, '')),
               '{amount}', coalesce(amount, '')),
               '{date}', coalesce(day, ''))
$$;

-- A date as the customer would write it.
CREATE FUNCTION frontline_demo.say_date(lang text, d date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE lang WHEN 'en' THEN to_char(d, 'FMMonth FMDD') ELSE to_char(d, 'DD.MM.YYYY') END
$$;

-- Latin transliteration (Russian GOST-like, Polish without diacritics) for
-- e-mail addresses and domains.
CREATE FUNCTION frontline_demo.translit(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT lower(translate(
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
        replace(replace(replace(replace(p,
            'щ', 'shch'), 'Щ', 'Shch'), 'ж', 'zh'), 'Ж', 'Zh'), 'х', 'kh'), 'Х', 'Kh'),
            'ц', 'ts'), 'Ц', 'Ts'), 'ч', 'ch'), 'Ч', 'Ch'), 'ш', 'sh'), 'Ш', 'Sh'),
            'ю', 'yu'), 'Ю', 'Yu'), 'я', 'ya'), 'Я', 'Ya'), 'ё', 'e'), 'Ё', 'E'),
            'й', 'y'), 'Й', 'Y'), 'ь', ''), 'ъ', ''), 'Ь', ''), 'Ъ', ''),
        'абвгдезиклмнопрстуфыэАБВГДЕЗИКЛМНОПРСТУФЫЭąćęłńóśźżĄĆĘŁŃÓŚŹŻ',
        'abvgdeziklmnoprstufyeABVGDEZIKLMNOPRSTUFYEacelnoszzACELNOSZZ'))
$$;

CREATE FUNCTION frontline_demo.slug(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT trim(both '-' FROM regexp_replace(frontline_demo.translit(p), '[^a-z0-9]+', '-', 'g'))
$$;

-- ===========================================================================
-- 2. Organizations and customers
-- ===========================================================================

INSERT INTO frontline.organizations (name, domain, tier, notes, created_at)
SELECT name, domain,
       frontline_demo.wpick(random(), ARRAY['standard', 'premium', 'vip'], ARRAY[0, 0.72, 0.92]),
       CASE WHEN random() < 0.12 THEN frontline_demo.pick(lt.onote) END,
       now() - make_interval(days => 700 + (random() * 1500)::int)
FROM (
    SELECT 'en' AS lang, w.word || ' ' || s.suffix AS name,
           CASE s.suffix WHEN 'Ltd' THEN frontline_demo.slug(w.word) || '.co.uk'
                         WHEN 'Inc.' THEN frontline_demo.slug(w.word) || '.com'
                         ELSE frontline_demo.slug(w.word || ' ' || s.suffix) || '.com' END AS domain
      FROM generate_series(0, 149) AS i
     CROSS JOIN LATERAL (SELECT (ARRAY['Acme','Northwind','Bluebird','Redwood','Silverline','Brightwater','Oakridge','Summit','Harbor','Pinnacle','Evergreen','Ironbridge','Lakeside','Riverstone','Stonegate','Westfield','Kingsley','Ashford','Crestview','Highland','Meridian','Beacon','Granite','Copperfield','Fairview','Maple Leaf','Horizon','Sterling','Clearwater','Foxglove'])[i % 30 + 1] AS word) AS w
     CROSS JOIN LATERAL (SELECT (ARRAY['Ltd','Inc.','Logistics','Foods','Software','Consulting','Retail','Dental','Media','Travel'])[(i % 30 + i / 30) % 10 + 1] AS suffix) AS s
    UNION ALL
    SELECT 'ru', CASE WHEN i % 5 = 0 THEN 'АО' ELSE 'ООО' END || ' «' || b.base || '-' || s.suffix || '»',
           frontline_demo.slug(b.base || '-' || s.suffix) || '.ru'
      FROM generate_series(0, 74) AS i
     CROSS JOIN LATERAL (SELECT (ARRAY['Вектор','Альфа','Горизонт','Меридиан','Сфера','Импульс','Атлант','Гранит','Волга','Байкал','Восток','Алмаз','Зенит','Орион','Перспектива','Кедр','Парус','Эталон','Прогресс','Авангард','Спектр','Феникс','Континент','Модуль','Пульсар'])[i % 25 + 1] AS base) AS b
     CROSS JOIN LATERAL (SELECT (ARRAY['Сервис','Трейд','Групп'])[i / 25 + 1] AS suffix) AS s
    UNION ALL
    SELECT 'pl', b.base || ' ' || s.suffix || ' ' || CASE i % 7 WHEN 0 THEN 'S.A.' WHEN 1 THEN 'Sp.j.' ELSE 'Sp. z o.o.' END,
           frontline_demo.slug(b.base || ' ' || s.suffix) || '.pl'
      FROM generate_series(0, 74) AS i
     CROSS JOIN LATERAL (SELECT (ARRAY['Bałtyk','Wisła','Orzeł','Jantar','Podhale','Mazowsze','Sokół','Polana','Tatry','Warta','Odra','Bursztyn','Kaszuby','Lechia','Żuraw','Bielik','Sudety','Mewa','Wrzos','Kłos','Pomorze','Słoneczko','Dąbrowa','Zielony Młyn','Roztocze'])[i % 25 + 1] AS base) AS b
     CROSS JOIN LATERAL (SELECT (ARRAY['Serwis','Trans','Systemy'])[i / 25 + 1] AS suffix) AS s
) AS o
JOIN frontline_demo.lang_text lt ON lt.lang = o.lang
ORDER BY random();

-- Organizations per language, in a random order (the first ones get the most
-- customers).
CREATE TEMP TABLE demo_orgs AS
SELECT CASE WHEN domain LIKE '%.ru' THEN 'ru' WHEN domain LIKE '%.pl' THEN 'pl' ELSE 'en' END AS lang,
       array_agg(id ORDER BY random()) AS ids
  FROM frontline.organizations
 GROUP BY 1;

-- 2,100 customers: half English, a quarter Russian, a quarter Polish.
CREATE TEMP TABLE demo_newcust AS
WITH base AS (
    SELECT i,
           CASE WHEN i % 4 IN (0, 1) THEN 'en' WHEN i % 4 = 2 THEN 'ru' ELSE 'pl' END AS lang,
           random() < 0.5 AS female,
           random() AS r_name, random() AS r_last, random() AS r_org, random() AS r_orgpick,
           random() AS r_tier, random() AS r_geo, random() AS r_mail
      FROM generate_series(1, 2100) AS i
), named AS (
    SELECT b.*,
           CASE WHEN b.female THEN n.female_first[1 + floor(b.r_name * cardinality(n.female_first))::int]
                ELSE n.male_first[1 + floor(b.r_name * cardinality(n.male_first))::int] END AS first,
           CASE WHEN b.female THEN n.last_female[1 + floor(b.r_last * cardinality(n.last_female))::int]
                ELSE n.last_male[1 + floor(b.r_last * cardinality(n.last_male))::int] END AS last,
           CASE WHEN b.r_org < 0.8
                THEN o.ids[1 + floor(power(b.r_orgpick, 1.7) * cardinality(o.ids))::int] END AS org_id
      FROM base b
      JOIN frontline_demo.names n ON n.lang = b.lang
      JOIN demo_orgs o ON o.lang = b.lang
), mailed AS (
    SELECT n.*, org.tier AS org_tier,
           CASE WHEN n.org_id IS NOT NULL
                THEN regexp_replace(frontline_demo.translit(n.first), '[^a-z]', '', 'g') || '.'
                     || regexp_replace(frontline_demo.translit(n.last), '[^a-z]', '', 'g') || '@' || org.domain
                WHEN n.r_mail < 0.4
                THEN regexp_replace(frontline_demo.translit(n.first), '[^a-z]', '', 'g') || '.'
                     || regexp_replace(frontline_demo.translit(n.last), '[^a-z]', '', 'g') || '@example.com'
                WHEN n.r_mail < 0.7
                THEN regexp_replace(frontline_demo.translit(n.first), '[^a-z]', '', 'g') || '_'
                     || regexp_replace(frontline_demo.translit(n.last), '[^a-z]', '', 'g')
                     || (70 + floor(n.r_mail * 1000)::int % 30)::text || '@example.net'
                ELSE left(regexp_replace(frontline_demo.translit(n.first), '[^a-z]', '', 'g'), 1)
                     || regexp_replace(frontline_demo.translit(n.last), '[^a-z]', '', 'g') || '@example.org'
           END AS email0
      FROM named n
      LEFT JOIN frontline.organizations org ON org.id = n.org_id
)
SELECT m.i, m.lang, m.first || ' ' || m.last AS name, m.org_id,
       CASE WHEN row_number() OVER (PARTITION BY m.email0 ORDER BY m.i) = 1 THEN m.email0
            ELSE regexp_replace(m.email0, '@', row_number() OVER (PARTITION BY m.email0 ORDER BY m.i)::text || '@')
       END AS email,
       CASE WHEN m.org_tier IS NOT NULL AND m.r_tier < 0.85 THEN m.org_tier
            ELSE frontline_demo.wpick(random(), ARRAY['standard', 'premium', 'vip'], ARRAY[0, 0.88, 0.97])
       END AS tier,
       m.r_geo
  FROM mailed m;

INSERT INTO frontline.customers (organization_id, name, email, phone, language, tier, time_zone,
                                 notes, contact, created_at)
SELECT c.org_id, c.name, c.email,
       CASE WHEN random() < 0.08 THEN NULL
            WHEN c.lang = 'en' AND c.r_geo < 0.7
                 THEN '+44 20 7946 0' || lpad(floor(random() * 1000)::text, 3, '0')
            WHEN c.lang = 'en'
                 THEN '+1 202 555 01' || lpad(floor(random() * 100)::text, 2, '0')
            WHEN c.lang = 'ru'
                 THEN '+7 9' || lpad(floor(random() * 100)::text, 2, '0') || ' '
                      || lpad(floor(random() * 1000)::text, 3, '0') || '-'
                      || lpad(floor(random() * 100)::text, 2, '0') || '-'
                      || lpad(floor(random() * 100)::text, 2, '0')
            ELSE '+48 ' || (5 + floor(random() * 4))::int::text || lpad(floor(random() * 100)::text, 2, '0') || ' '
                 || lpad(floor(random() * 1000)::text, 3, '0') || ' '
                 || lpad(floor(random() * 1000)::text, 3, '0')
       END,
       c.lang, c.tier,
       CASE c.lang
            WHEN 'en' THEN CASE WHEN c.r_geo < 0.62 THEN 'Europe/London'
                                WHEN c.r_geo < 0.70 THEN 'Europe/Dublin'
                                WHEN c.r_geo < 0.82 THEN 'America/New_York'
                                WHEN c.r_geo < 0.92 THEN 'America/Chicago'
                                ELSE 'America/Los_Angeles' END
            WHEN 'ru' THEN frontline_demo.wpick(c.r_geo, ARRAY['Europe/Moscow', 'Europe/Kaliningrad', 'Asia/Yekaterinburg', 'Asia/Novosibirsk'],
                                                ARRAY[0, 0.7, 0.8, 0.9])
            ELSE 'Europe/Warsaw'
       END,
       CASE WHEN random() < 0.04 THEN frontline_demo.pick(lt.cnote) END,
       jsonb_build_object('preferred_channel',
                          frontline_demo.wpick(random(), ARRAY['email', 'phone', 'chat', 'messenger', 'portal'],
                                               ARRAY[0, 0.45, 0.65, 0.8, 0.9])),
       now() - make_interval(days => 95 + (random() * 900)::int, secs => random() * 86400)
  FROM demo_newcust c
  JOIN frontline_demo.lang_text lt ON lt.lang = c.lang
 ORDER BY c.i;

-- ===========================================================================
-- 3. Teams, calendar, SLA policies, queues, agents (login roles)
-- ===========================================================================

INSERT INTO frontline.teams (name) VALUES ('Customer Care'), ('Technical Support');

INSERT INTO frontline.calendars (name, time_zone) VALUES ('Warsaw office hours', 'Europe/Warsaw');
INSERT INTO frontline.calendar_hours (calendar_id, isodow, opens, closes)
SELECT c.id, d, '08:00', '18:00'
  FROM frontline.calendars c, generate_series(1, 5) AS d
 WHERE c.name = 'Warsaw office hours';

-- Polish public holidays of last year, this year and next year (Easter by
-- the Gregorian computus), so the 90-day history and the weeks ahead have them.
INSERT INTO frontline.holidays (calendar_id, day, name)
SELECT c.id, h.day, h.name
  FROM frontline.calendars c
 CROSS JOIN LATERAL (
    SELECT y, make_date(y, ((e.h + e.l - 7 * e.m + 114) / 31), ((e.h + e.l - 7 * e.m + 114) % 31) + 1) AS easter
      FROM generate_series(extract(year FROM now())::int - 1, extract(year FROM now())::int + 1) AS y
     CROSS JOIN LATERAL (SELECT y % 19 AS a, y / 100 AS b, y % 100 AS c) AS s1
     CROSS JOIN LATERAL (SELECT s1.b / 4 AS d, s1.b % 4 AS e, (s1.b + 8) / 25 AS f, s1.c / 4 AS i, s1.c % 4 AS k) AS s2
     CROSS JOIN LATERAL (SELECT (19 * s1.a + s1.b - s2.d - (s1.b - s2.f + 1) / 3 + 15) % 30 AS h) AS s3
     CROSS JOIN LATERAL (SELECT s3.h, (32 + 2 * s2.e + 2 * s2.i - s3.h - s2.k) % 7 AS l) AS s4
     CROSS JOIN LATERAL (SELECT s4.h, s4.l, (s1.a + 11 * s4.h + 22 * s4.l) / 451 AS m) AS e
 ) AS ea
 CROSS JOIN LATERAL (VALUES
    (make_date(ea.y, 1, 1), 'Nowy Rok'),
    (make_date(ea.y, 1, 6), 'Święto Trzech Króli'),
    (ea.easter, 'Wielkanoc'),
    (ea.easter + 1, 'Poniedziałek Wielkanocny'),
    (make_date(ea.y, 5, 1), 'Święto Pracy'),
    (make_date(ea.y, 5, 3), 'Święto Konstytucji 3 Maja'),
    (ea.easter + 49, 'Zielone Świątki'),
    (ea.easter + 60, 'Boże Ciało'),
    (make_date(ea.y, 8, 15), 'Wniebowzięcie Najświętszej Maryi Panny'),
    (make_date(ea.y, 11, 1), 'Wszystkich Świętych'),
    (make_date(ea.y, 11, 11), 'Narodowe Święto Niepodległości'),
    (make_date(ea.y, 12, 24), 'Wigilia Bożego Narodzenia'),
    (make_date(ea.y, 12, 25), 'Boże Narodzenie (pierwszy dzień)'),
    (make_date(ea.y, 12, 26), 'Boże Narodzenie (drugi dzień)')
 ) AS h(day, name)
 WHERE c.name = 'Warsaw office hours'
   AND NOT (h.day = make_date(ea.y, 12, 24) AND ea.y < 2025)   -- a public holiday since 2025
ON CONFLICT DO NOTHING;

-- Standard and Premium count business minutes on the Warsaw calendar; VIP
-- is 24/7 (no calendar: wall-clock minutes, an on-call rota answers).
INSERT INTO frontline.sla_policies (name, calendar_id)
SELECT p.name, CASE WHEN p.name = 'VIP' THEN NULL ELSE c.id END
  FROM (VALUES ('Standard'), ('Premium'), ('VIP')) AS p(name)
 CROSS JOIN frontline.calendars c
 WHERE c.name = 'Warsaw office hours';

INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes,
                                   next_response_minutes, resolution_minutes)
SELECT p.id, t.priority, t.fr, t.nr, t.res
  FROM frontline.sla_policies p
  JOIN (VALUES
    ('Standard', 'urgent',  60, 120,  480), ('Standard', 'high', 240, 240,  960),
    ('Standard', 'normal', 480, 600, 2400), ('Standard', 'low',  960, 1200, 4800),
    ('Premium',  'urgent',  30,  60,  240), ('Premium',  'high', 120, 120,  600),
    ('Premium',  'normal', 240, 300, 1200), ('Premium',  'low',  480,  600, 2400),
    ('VIP',      'urgent',  15,  30,  240), ('VIP',      'high',  30,  60,  480),
    ('VIP',      'normal',  60, 120, 1440), ('VIP',      'low',  240,  480, 2880)
  ) AS t(policy, priority, fr, nr, res) ON t.policy = p.name;

INSERT INTO frontline.queues (name, team_id, calendar_id, default_policy_id)
SELECT q.name, t.id, c.id, p.id
  FROM (VALUES ('General', 'Customer Care'), ('Billing', 'Customer Care'),
               ('Technical', 'Technical Support'), ('Senior', 'Technical Support')) AS q(name, team)
  JOIN frontline.teams t ON t.name = q.team
 CROSS JOIN frontline.calendars c
 CROSS JOIN frontline.sla_policies p
 WHERE c.name = 'Warsaw office hours' AND p.name = 'Standard'
 ORDER BY array_position(ARRAY['General', 'Billing', 'Technical', 'Senior'], q.name);

-- Every agent logs in as their own PostgreSQL role. Roles are cluster-wide:
-- an existing one is left as it is.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anna', 'boris', 'dorota', 'emma', 'ivan', 'marta', 'oliver', 'tatiana', 'sofia'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO anna, boris, dorota, emma, ivan, marta, oliver, tatiana;
GRANT frontline_supervisor TO sofia;

-- In id order: anna (the first non-supervisor) is the default demo agent.
INSERT INTO frontline.agents (role_name, display_name, team_id, is_supervisor, languages, skills, time_zone)
SELECT a.role, a.name, t.id, a.sup, a.langs::text[], a.skills::text[], a.tz
  FROM (VALUES
    (1, 'anna',    'Anna Kowalczyk',   'Customer Care',     false, '{en,pl,ru}', '{billing,invoice,refund,login}',        'Europe/Warsaw'),
    (2, 'boris',   'Boris Volkov',     'Customer Care',     false, '{ru,en}',    '{billing,subscription,refund}',         'Europe/Warsaw'),
    (3, 'dorota',  'Dorota Wiśniewska','Customer Care',     false, '{pl,en}',    '{delivery,account,login}',              'Europe/Warsaw'),
    (4, 'emma',    'Emma Clarke',      'Customer Care',     false, '{en}',       '{delivery,billing,account}',            'Europe/London'),
    (5, 'ivan',    'Ivan Sokolov',     'Technical Support', false, '{ru,en}',    '{bug,integration,api}',                 'Europe/Warsaw'),
    (6, 'marta',   'Marta Zielińska',  'Technical Support', false, '{pl,en}',    '{bug,performance,mobile}',              'Europe/Warsaw'),
    (7, 'oliver',  'Oliver Hughes',    'Technical Support', false, '{en}',       '{integration,api,performance}',         'Europe/London'),
    (8, 'tatiana', 'Tatiana Morozova', 'Technical Support', false, '{ru,en,pl}', '{escalations,bug,billing}',             'Europe/Warsaw'),
    (9, 'sofia',   'Sofia Lindqvist',  'Customer Care',     true,  '{en,pl,ru}', '{escalations,quality,coaching}',        'Europe/Warsaw')
  ) AS a(n, role, name, team, sup, langs, skills, tz)
  JOIN frontline.teams t ON t.name = a.team
 ORDER BY a.n;

-- ===========================================================================
-- 4. Knowledge base, macros, routing rules, survey policy
-- ===========================================================================

-- 100 articles per language: 10 per topic, each a title (with a variant
-- suffix) and four paragraphs, the first one about the title's subject.
INSERT INTO frontline.kb_articles (language, title, body, tags, created_at, updated_at)
SELECT tt.lang,
       tt.kbt[k % 5 + 1] || CASE WHEN v.si = 0 THEN '' ELSE ' (' || lt.kbsuf[v.si] || ')' END,
       tt.kbp[k % 5 + 1] || E'\n\n' || tt.kbp[(k % 5 + 1 + k / 5) % 5 + 1] || E'\n\n'
           || tt.kbp[(k % 5 + 3) % 5 + 1] || E'\n\n' || lt.kbout[k % 2 + 1],
       ARRAY[tt.topic] || CASE v.si WHEN 2 THEN ARRAY['mobile'] WHEN 3 THEN ARRAY['business'] ELSE '{}'::text[] END,
       v.created, v.created + (random() * (now() - v.created))
  FROM frontline_demo.topic_text tt
  JOIN frontline_demo.lang_text lt ON lt.lang = tt.lang
 CROSS JOIN generate_series(0, 9) AS k
 CROSS JOIN LATERAL (SELECT (k % 5 + 2 * (k / 5)) % 6 AS si,
                            now() - make_interval(days => 30 + (random() * 700)::int) AS created) AS v
 ORDER BY v.created;

-- Canned replies; the console expands {{customer.name}}, {{agent.name}}, {{ticket.id}}.
INSERT INTO frontline.macros (name, language, body, team_id)
SELECT m.name, m.lang, replace(m.body, '\n', E'\n'), t.id
  FROM (VALUES
    ('Greeting and first look', 'en', NULL, 'Hi {{customer.name}},\n\nThank you for contacting us. I''m looking into your request (ticket #{{ticket.id}}) and will get back to you shortly.\n\nBest regards,\n{{agent.name}}'),
    ('Ask for details', 'en', NULL, 'Hi {{customer.name}},\n\nCould you please send us a screenshot of the problem and the exact time it happened? That will help us investigate ticket #{{ticket.id}}.\n\nThank you,\n{{agent.name}}'),
    ('Solved, closing', 'en', NULL, 'Hi {{customer.name}},\n\nI''m glad we could solve this. I''m closing ticket #{{ticket.id}} now; just reply to this message if you need anything else.\n\nBest regards,\n{{agent.name}}'),
    ('Refund started', 'en', 'Customer Care', 'Hi {{customer.name}},\n\nYour refund has been started and should appear on your statement within 5-7 business days.\n\nKind regards,\n{{agent.name}}'),
    ('Escalated to engineering', 'en', 'Technical Support', 'Hi {{customer.name}},\n\nI''ve escalated ticket #{{ticket.id}} to our engineering team with all the details you sent. I''ll update you as soon as I hear back.\n\nBest regards,\n{{agent.name}}'),
    ('Приветствие', 'ru', NULL, 'Здравствуйте, {{customer.name}}!\n\nСпасибо за обращение. Мы уже разбираемся с вашим вопросом (обращение #{{ticket.id}}) и скоро вернёмся с ответом.\n\nС уважением,\n{{agent.name}}'),
    ('Запрос подробностей', 'ru', NULL, 'Здравствуйте, {{customer.name}}!\n\nПришлите, пожалуйста, скриншот проблемы и точное время, когда она возникла. Это поможет нам разобраться с обращением #{{ticket.id}}.\n\nСпасибо,\n{{agent.name}}'),
    ('Решено, закрываем', 'ru', NULL, 'Здравствуйте, {{customer.name}}!\n\nРады, что удалось решить вопрос. Закрываем обращение #{{ticket.id}}; если понадобится помощь, просто ответьте на это письмо.\n\nС уважением,\n{{agent.name}}'),
    ('Возврат оформлен', 'ru', 'Customer Care', 'Здравствуйте, {{customer.name}}!\n\nВозврат средств оформлен, деньги поступят в течение 5–7 рабочих дней.\n\nС уважением,\n{{agent.name}}'),
    ('Передано разработчикам', 'ru', 'Technical Support', 'Здравствуйте, {{customer.name}}!\n\nМы передали обращение #{{ticket.id}} разработчикам со всеми подробностями и сообщим, как только получим ответ.\n\nС уважением,\n{{agent.name}}'),
    ('Powitanie', 'pl', NULL, 'Dzień dobry,\n\ndziękujemy za kontakt. Zajmujemy się Państwa zgłoszeniem #{{ticket.id}} i wkrótce wrócimy z odpowiedzią.\n\nPozdrawiam serdecznie,\n{{agent.name}}'),
    ('Prośba o szczegóły', 'pl', NULL, 'Dzień dobry,\n\nprosimy o przesłanie zrzutu ekranu i dokładnej godziny wystąpienia problemu. Pomoże nam to wyjaśnić zgłoszenie #{{ticket.id}}.\n\nDziękujemy,\n{{agent.name}}'),
    ('Rozwiązane, zamykamy', 'pl', NULL, 'Dzień dobry,\n\ncieszymy się, że udało się rozwiązać problem. Zamykamy zgłoszenie #{{ticket.id}}; w razie potrzeby wystarczy odpowiedzieć na tę wiadomość.\n\nPozdrawiam,\n{{agent.name}}'),
    ('Zwrot zlecony', 'pl', 'Customer Care', 'Dzień dobry,\n\nzwrot pieniędzy został zlecony i pojawi się na koncie w ciągu 5–7 dni roboczych.\n\nPozdrawiam serdecznie,\n{{agent.name}}'),
    ('Przekazane do programistów', 'pl', 'Technical Support', 'Dzień dobry,\n\nprzekazaliśmy zgłoszenie #{{ticket.id}} naszym programistom ze wszystkimi szczegółami. Damy znać, gdy tylko otrzymamy odpowiedź.\n\nPozdrawiam,\n{{agent.name}}')
  ) AS m(name, lang, team, body)
  LEFT JOIN frontline.teams t ON t.name = m.team;

-- Routing for `frontline ingest` (PCRE2). Cyrillic and Polish letters are
-- matched literally, with explicit upper/lower case, so the rules work with
-- or without PCRE2's UTF mode.
INSERT INTO frontline.routing_rules (position, name, field, pattern, queue_id, set_priority, add_tags)
SELECT r.pos, r.name, r.field, r.pattern, q.id, r.prio, r.tags::text[]
  FROM (VALUES
    (10, 'Urgent wording', 'subject', '(?i)\b(urgent|outage|down)\b|(?:С|с)рочно|(?:Н|н)е работает|(?i:pilne|awaria)', NULL, 'high', '{urgent}'),
    (20, 'Billing (en)', 'subject', '(?i)\b(invoices?|refunds?|charged?|payments?|billing|VAT|subscription|plan)\b', 'Billing', NULL, '{}'),
    (30, 'Billing (ru)', 'subject', '(?:С|с)ч(?:е|ё)т|(?:В|в)озврат|(?:С|с)писан|(?:О|о)плат|НДС|ИНН|(?:П|п)одписк|(?:Т|т)ариф', 'Billing', NULL, '{}'),
    (40, 'Billing (pl)', 'subject', '(?i)faktur|zwrot|(?:P|p)łatno|obciąż|NIP|subskrypc|\bplan', 'Billing', NULL, '{}'),
    (50, 'Technical (en)', 'subject', '(?i)\b(error|crash(es)?|API|webhooks?|export|slow|timeouts?|sync)\b', 'Technical', NULL, '{}'),
    (60, 'Technical (ru)', 'subject', 'API|(?:О|о)шибк|(?:В|в)ылета|(?:В|в)ебхук|(?:Э|э)кспорт|(?:М|м)едленн|(?:Т|т)аймаут|(?:С|с)инхрониз', 'Technical', NULL, '{}'),
    (70, 'Technical (pl)', 'subject', '(?i)API|(?:B|b)łąd|zamyka się|webhook|eksport|wolno|timeout|synchroniz', 'Technical', NULL, '{}'),
    (80, 'Privacy requests', 'body', '(?i)\bGDPR\b|\bRODO\b|(?:П|п)ерсональн', 'General', NULL, '{privacy}'),
    (90, 'Walk-ins', 'channel', '^walk-in$', 'General', NULL, '{walk-in}')
  ) AS r(pos, name, field, pattern, queue, prio, tags)
  LEFT JOIN frontline.queues q ON q.name = r.queue;

-- Ask every customer for a rating, at most once a fortnight; every other
-- phone call; no NPS on social media.
INSERT INTO frontline.survey_policy (channel) VALUES (NULL) ON CONFLICT DO NOTHING;
UPDATE frontline.survey_policy SET every_nth = 1, min_days_between = 14, ask_csat = true, ask_nps = true
 WHERE channel IS NULL;
INSERT INTO frontline.survey_policy (channel, every_nth, min_days_between, ask_csat, ask_nps)
VALUES ('phone', 2, 14, true, true), ('social', 1, 14, true, false)
ON CONFLICT (channel) DO NOTHING;

-- ===========================================================================
-- 5. History: 90 days of solved and closed tickets, set-based, triggers off
-- ===========================================================================

SET LOCAL session_replication_role = replica;

-- The Warsaw calendar as arrays: o[k] = opening instant of the k-th business
-- interval, l[k] its length and c[k] the business seconds before it. Then
-- business position  pos(t) = c[k] + least(l[k], t - o[k])   (o[k] <= t)
-- and its inverse    at(p)  = o[k] + (p - c[k])               (c[k] < p),
-- so business_add(cal, t, m) = at(pos(t) + 60 m) and business_seconds(a, b)
-- = pos(b) - pos(a). Days are turned into instants with AT TIME ZONE, as
-- 002-sla.sql does, so DST changes are right.
CREATE TEMP TABLE demo_cal AS
WITH cal AS (
    SELECT id, time_zone FROM frontline.calendars WHERE name = 'Warsaw office hours'
), days AS (
    SELECT d::date AS day
      FROM cal, generate_series((now() AT TIME ZONE cal.time_zone)::date - 120,
                                (now() AT TIME ZONE cal.time_zone)::date + 120, interval '1 day') AS d
), iv AS (
    SELECT (d.day + h.opens) AT TIME ZONE cal.time_zone AS o,
           (d.day + h.closes) AT TIME ZONE cal.time_zone AS e
      FROM days d
     CROSS JOIN cal
      JOIN frontline.calendar_hours h ON h.calendar_id = cal.id AND h.isodow = extract(isodow FROM d.day)
     WHERE NOT EXISTS (SELECT 1 FROM frontline.holidays ho WHERE ho.calendar_id = cal.id AND ho.day = d.day)
), cum AS (
    SELECT o, date_part('epoch', e - o) AS l,
           coalesce(sum(date_part('epoch', e - o)) OVER (ORDER BY o ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS c
      FROM iv
)
SELECT (SELECT id FROM cal) AS cal_id,
       array_agg(o ORDER BY o) AS o, array_agg(l ORDER BY o) AS l, array_agg(c ORDER BY o) AS c
  FROM cum;

-- The helpers below carry the arrays as constants (so the planner can inline
-- them): pos(t), at(p), open(t) on the calendar; badd/bmin take a flag that
-- selects business time (cal) or wall-clock time (24/7 policies).
DO $$
DECLARE
    v_o text;
    v_l text;
    v_c text;
BEGIN
    SELECT o::text, l::text, c::text INTO v_o, v_l, v_c FROM demo_cal;
    EXECUTE format($f$
        CREATE FUNCTION pg_temp.bpos(t timestamptz) RETURNS double precision
        LANGUAGE sql STABLE AS $b$
            SELECT coalesce((%1$L::float8[])[width_bucket(t, %2$L::timestamptz[])]
                            + least((%3$L::float8[])[width_bucket(t, %2$L::timestamptz[])],
                                    date_part('epoch', t - (%2$L::timestamptz[])[width_bucket(t, %2$L::timestamptz[])])), 0)
        $b$ $f$, v_c, v_o, v_l);
    EXECUTE format($f$
        CREATE FUNCTION pg_temp.bat(p double precision) RETURNS timestamptz
        LANGUAGE sql STABLE AS $b$
            SELECT (%2$L::timestamptz[])[greatest(1, width_bucket(p - 1e-7, %1$L::float8[]))]
                   + make_interval(secs => p - (%1$L::float8[])[greatest(1, width_bucket(p - 1e-7, %1$L::float8[]))])
        $b$ $f$, v_c, v_o);
    EXECUTE format($f$
        CREATE FUNCTION pg_temp.bopen(t timestamptz) RETURNS boolean
        LANGUAGE sql STABLE AS $b$
            SELECT coalesce(t < (%1$L::timestamptz[])[width_bucket(t, %1$L::timestamptz[])]
                                + make_interval(secs => (%2$L::float8[])[width_bucket(t, %1$L::timestamptz[])]), false)
        $b$ $f$, v_o, v_l);
END $$;
CREATE FUNCTION pg_temp.pos(cal boolean, t timestamptz) RETURNS double precision
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN cal THEN pg_temp.bpos(t) ELSE date_part('epoch', t) END
$$;
CREATE FUNCTION pg_temp.badd(cal boolean, t timestamptz, secs double precision) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN t IS NULL OR secs IS NULL THEN NULL
                WHEN cal THEN pg_temp.bat(pg_temp.bpos(t) + secs)
                ELSE t + make_interval(secs => secs) END
$$;
-- business_minutes(cal, a, b) for a <= b
CREATE FUNCTION pg_temp.bmin(cal boolean, a timestamptz, b timestamptz) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN a IS NOT NULL AND b IS NOT NULL
                THEN round((pg_temp.pos(cal, b) - pg_temp.pos(cal, a)) / 60)::integer END
$$;

-- Tickets per hour: busy weekday mornings and afternoons, quiet nights and
-- weekends, fewer on holidays, slowly growing over the 90 days.
CREATE TEMP TABLE demo_hours AS
SELECT h AS hour_start,
       (ARRAY[1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 3, 6, 9, 10, 9.5, 8, 8.5, 9, 8.5, 7.5, 6, 4.5, 3.5, 3, 2.5, 2, 1.5])
           [extract(hour FROM h AT TIME ZONE 'Europe/Warsaw')::int + 1]
     * (ARRAY[1.25, 1.15, 1.1, 1.05, 0.95, 0.35, 0.3])[extract(isodow FROM h AT TIME ZONE 'Europe/Warsaw')::int]
     * CASE WHEN EXISTS (SELECT 1 FROM frontline.holidays ho
                          WHERE ho.day = (h AT TIME ZONE 'Europe/Warsaw')::date) THEN 0.4 ELSE 1 END
     * (0.85 + 0.3 * (1 - date_part('epoch', now() - h) / (90 * 86400))) AS w
  FROM generate_series(date_trunc('hour', now() - interval '90 days') + interval '1 hour', now(),
                       interval '1 hour') AS h;

CREATE TEMP TABLE demo_cust AS
SELECT row_number() OVER (ORDER BY random()) AS rank, id, name, language AS lang, tier
  FROM frontline.customers;

CREATE TEMP TABLE demo_pick AS
SELECT (SELECT array_agg(topic ORDER BY topic) FROM frontline_demo.topics) AS topics,
       (SELECT array_agg(cum ORDER BY topic)
          FROM (SELECT topic, (sum(weight) OVER (ORDER BY topic) - weight) / sum(weight) OVER () AS cum
                  FROM frontline_demo.topics) AS s) AS topic_thr,
       (SELECT count(*) FROM demo_cust) AS ncust,
       (SELECT coalesce(max(id), 0) FROM frontline.tickets) AS tid0;

-- Who answers a team's tickets in a language: its agents who speak it, the
-- ones with fewer languages more often (so the trilingual ones are not
-- swamped).
CREATE TEMP TABLE demo_team_lang AS
SELECT a.team_id, l.lang, array_agg(a.id ORDER BY a.id) AS ids
  FROM frontline.agents a
 CROSS JOIN unnest(a.languages) AS l(lang)
 CROSS JOIN generate_series(1, 4 - least(cardinality(a.languages), 3))
 WHERE NOT a.is_supervisor AND a.active
 GROUP BY 1, 2;

-- Arrival times and the random draws of each ticket (stored, so that every
-- later step sees the same values).
CREATE TEMP TABLE demo_t0 AS
WITH raw AS (
    SELECT hs.hour_start + random() * interval '1 hour' AS created_at
      FROM (SELECT hour_start, w / sum(w) OVER () * 20650 AS x FROM demo_hours) AS hs
     CROSS JOIN LATERAL generate_series(1, floor(hs.x)::int + (random() < hs.x - floor(hs.x))::int)
)
SELECT row_number() OVER (ORDER BY created_at) AS n, created_at,
       random() AS r_cust, random() AS r_topic, random() AS r_chan, random() AS r_prio,
       random() AS r_senior, random() AS r_agent, random() AS r_frlate, random() AS r_fr,
       random() AS r_rounds, random() AS r_w1, random() AS r_nr1late, random() AS r_nr1,
       random() AS r_w2, random() AS r_nr2late, random() AS r_nr2, random() AS r_note,
       random() AS r_solve, random() AS r_follow, random() AS r_misc, random() AS r_slow,
       1 + floor(random() * 4)::int AS issue   -- which of the topic's 4 problems (subject, problem, answer)
  FROM raw
 WHERE created_at < now() - interval '15 minutes';

ANALYZE demo_t0;
ANALYZE demo_cust;
ANALYZE demo_pick;
ANALYZE demo_team_lang;

CREATE TEMP TABLE demo_t AS
WITH a AS MATERIALIZED (
    SELECT t0.*, k.tid0 + t0.n AS tid, c.id AS customer_id, c.name AS cust_name, c.lang, c.tier,
           frontline_demo.wpick(t0.r_topic, k.topics, k.topic_thr) AS topic,
           pg_temp.bopen(t0.created_at) AS in_hours,
           frontline_demo.wpick(t0.r_prio, ARRAY['low', 'normal', 'high', 'urgent'],
               CASE c.tier WHEN 'vip' THEN ARRAY[0, 0.05, 0.55, 0.85]
                           WHEN 'premium' THEN ARRAY[0, 0.12, 0.70, 0.92]
                           ELSE ARRAY[0, 0.18, 0.78, 0.95] END) AS priority
      FROM demo_t0 t0
     CROSS JOIN demo_pick k
      JOIN demo_cust c ON c.rank = 1 + floor(power(t0.r_cust, 1.6) * k.ncust)::int
), b AS MATERIALIZED (
    SELECT a.*,
           CASE WHEN a.in_hours
                THEN frontline_demo.wpick(a.r_chan, ARRAY['email', 'chat', 'phone', 'portal', 'messenger', 'social', 'walk-in'],
                                          ARRAY[0, 0.30, 0.50, 0.66, 0.77, 0.87, 0.94])
                ELSE frontline_demo.wpick(a.r_chan, ARRAY['email', 'portal', 'messenger', 'social'],
                                          ARRAY[0, 0.50, 0.70, 0.90]) END AS channel,
           CASE WHEN (a.priority = 'urgent' AND (a.tier <> 'standard' OR tp.technical)) OR a.r_senior < 0.03
                THEN 'Senior' ELSE tp.queue END AS queue_name,
           CASE a.tier WHEN 'vip' THEN 'VIP' WHEN 'premium' THEN 'Premium' ELSE 'Standard' END AS policy_name
      FROM a
      JOIN frontline_demo.topics tp ON tp.topic = a.topic
)
SELECT b.*, q.id AS queue_id, q.team_id, p.id AS policy_id, p.calendar_id IS NOT NULL AS cal,
       st.first_response_minutes AS fr_t, st.next_response_minutes AS nr_t, st.resolution_minutes AS res_t,
       tl.ids[1 + floor(b.r_agent * cardinality(tl.ids))::int] AS assignee_id,
       -- first response delay in (business or wall) seconds
       CASE WHEN b.channel IN ('phone', 'walk-in') THEN 20 + b.r_fr * 200
            WHEN b.channel IN ('chat', 'messenger') THEN
                 CASE WHEN b.r_frlate < 0.04 THEN st.first_response_minutes * 60 * (1.05 + b.r_fr)
                      ELSE least(st.first_response_minutes * 60 * 0.9, 30 - ln(1 - b.r_fr) * 240) END
            WHEN b.r_frlate < CASE b.tier WHEN 'vip' THEN 0.07 WHEN 'premium' THEN 0.09 ELSE 0.12 END
                 THEN st.first_response_minutes * 60 * (1.05 + 1.5 * b.r_fr)
            ELSE greatest(60, st.first_response_minutes * 60 * 0.95 * power(b.r_fr, 1.6)) END AS fr_delay,
       CASE WHEN b.channel IN ('phone', 'walk-in', 'chat')
            THEN frontline_demo.wpick(b.r_rounds, ARRAY[0, 1, 2], ARRAY[0, 0.78, 0.95])
            ELSE frontline_demo.wpick(b.r_rounds, ARRAY[0, 1, 2], ARRAY[0, 0.50, 0.84]) END AS rounds,
       -- customer waits (wall seconds) and next-response delays
       CASE WHEN b.channel IN ('chat', 'messenger') THEN 30 - ln(1 - b.r_w1) * 300
            ELSE 300 + least(3 * 86400, -ln(1 - b.r_w1) * 4 * 3600) END AS w1,
       CASE WHEN b.channel IN ('chat', 'messenger') THEN 30 - ln(1 - b.r_w2) * 300
            ELSE 300 + least(3 * 86400, -ln(1 - b.r_w2) * 4 * 3600) END AS w2,
       CASE WHEN b.channel IN ('chat', 'messenger', 'phone', 'walk-in') AND b.r_nr1late >= 0.03
                 THEN least(st.next_response_minutes * 60 * 0.9, 30 - ln(1 - b.r_nr1) * 180)
            WHEN b.r_nr1late < 0.08 THEN st.next_response_minutes * 60 * (1.05 + b.r_nr1)
            ELSE greatest(60, st.next_response_minutes * 60 * 0.9 * power(b.r_nr1, 1.5)) END AS nr1_delay,
       CASE WHEN b.channel IN ('chat', 'messenger', 'phone', 'walk-in') AND b.r_nr2late >= 0.03
                 THEN least(st.next_response_minutes * 60 * 0.9, 30 - ln(1 - b.r_nr2) * 180)
            WHEN b.r_nr2late < 0.08 THEN st.next_response_minutes * 60 * (1.05 + b.r_nr2)
            ELSE greatest(60, st.next_response_minutes * 60 * 0.9 * power(b.r_nr2, 1.5)) END AS nr2_delay,
       -- about 1 in 8 tickets waits on a specialist before the last reply
       -- (a missed next-response and often resolution target)
       CASE WHEN b.r_slow < 0.13 AND b.channel NOT IN ('chat', 'messenger', 'walk-in')
            THEN st.resolution_minutes * 60 * (0.4 + 1.2 * b.r_nr1) END AS slow_delay
  FROM b
  JOIN frontline.queues q ON q.name = b.queue_name
  JOIN frontline.sla_policies p ON p.name = b.policy_name
  JOIN frontline.sla_targets st ON st.policy_id = p.id AND st.priority = b.priority
  JOIN demo_team_lang tl ON tl.team_id = q.team_id AND tl.lang = b.lang;
ANALYZE demo_t;

-- The timeline of each ticket, as the SLA engine would have recorded it:
-- first reply at fr_at; then per round a customer message (c1, c2) after a
-- wait in pending, and an agent reply (a1, a2); solved just after the last
-- reply; closed four days later.
CREATE TEMP VIEW demo_timeline AS
WITH s1 AS MATERIALIZED (
    SELECT t.*, pg_temp.badd(t.cal, t.created_at, t.fr_delay) AS fr_at
      FROM demo_t t
), s2 AS MATERIALIZED (
    SELECT s1.*, CASE WHEN s1.rounds >= 1 THEN s1.fr_at + make_interval(secs => s1.w1) END AS c1
      FROM s1
), s3 AS MATERIALIZED (
    SELECT s2.*, pg_temp.badd(s2.cal, s2.c1,
                              CASE WHEN s2.rounds = 1 THEN coalesce(s2.slow_delay, s2.nr1_delay) ELSE s2.nr1_delay END) AS a1
      FROM s2
), s4 AS MATERIALIZED (
    SELECT s3.*, CASE WHEN s3.rounds >= 2 THEN s3.a1 + make_interval(secs => s3.w2) END AS c2
      FROM s3
), s5 AS MATERIALIZED (
    SELECT s4.*, pg_temp.badd(s4.cal, s4.c2, coalesce(s4.slow_delay, s4.nr2_delay)) AS a2
      FROM s4
)
SELECT s5.*,
       coalesce(s5.a2, s5.a1, s5.fr_at) + make_interval(secs => 5 + s5.r_solve * 115) AS solved_at,
       coalesce(s5.c2, s5.c1) AS last_c,
       CASE s5.rounds WHEN 2 THEN s5.a2 WHEN 1 THEN s5.a1 END AS last_a,
       coalesce(pg_temp.bmin(s5.cal, s5.fr_at, s5.c1), 0)
           + coalesce(pg_temp.bmin(s5.cal, s5.a1, s5.c2), 0) AS paused_min,
       pg_temp.badd(s5.cal, s5.created_at, s5.fr_t * 60) AS fr_due
  FROM s5;

-- Tickets that would not be finished by now get a one-reply conversation; the
-- few still unfinished then (weekend arrivals on business-hours policies)
-- are left out: the open workload below stands for them.
CREATE TEMP TABLE demo_late AS
SELECT tid FROM demo_timeline WHERE solved_at > now() - interval '1 minute';
UPDATE demo_t SET rounds = 0, fr_delay = least(fr_delay, 120)
 WHERE tid IN (SELECT tid FROM demo_late);

CREATE TEMP TABLE demo_times AS
SELECT tl.*,
       pg_temp.badd(tl.cal, tl.created_at, (tl.res_t + tl.paused_min) * 60) AS res_due,
       pg_temp.badd(tl.cal, tl.last_c, tl.nr_t * 60) AS nr_due,
       CASE WHEN tl.solved_at + interval '4 days' < now() THEN tl.solved_at + interval '4 days' END AS closed_at,
       lag(tl.tid) OVER w AS prev_tid, lag(tl.solved_at) OVER w AS prev_solved,
       frontline_demo.pick(ARRAY['4.1.3', '4.2.0', '4.2.0', '4.2.1']) AS app_version,
       frontline_demo.pick(ARRAY['Windows', 'macOS', 'Android', 'iOS', 'Linux']) AS platform,
       (7000000 + floor(random() * 2999999))::int::text AS order_no,
       frontline_demo.pick(lt.amount) AS amount,
       frontline_demo.say_date(tl.lang, (tl.created_at - make_interval(days => 1 + (random() * 9)::int))::date) AS day
  FROM demo_timeline tl
  JOIN frontline_demo.lang_text lt ON lt.lang = tl.lang
 WHERE tl.solved_at <= now() - interval '1 minute'
WINDOW w AS (PARTITION BY tl.customer_id, tl.topic ORDER BY tl.created_at);

INSERT INTO frontline.tickets (id, customer_id, queue_id, assignee_id, channel, subject, status, priority,
                               tags, custom, language, sla_policy_id, follows_up_id, created_at, updated_at,
                               solved_at, closed_at, first_response_at)
SELECT t.tid, t.customer_id, t.queue_id, t.assignee_id, t.channel,
       frontline_demo.fill(tt.subj[t.issue], t.cust_name, NULL, t.tid, t.order_no, t.amount, t.day),
       CASE WHEN t.closed_at IS NOT NULL THEN 'closed' ELSE 'solved' END,
       t.priority,
       ARRAY[t.topic] || CASE WHEN t.tier = 'vip' THEN ARRAY['vip'] ELSE '{}'::text[] END
                      || CASE WHEN t.queue_name = 'Senior' THEN ARRAY['escalated'] ELSE '{}'::text[] END,
       jsonb_build_object('topic', t.topic)
         || CASE WHEN t.topic IN ('billing', 'invoice', 'refund', 'delivery') THEN jsonb_build_object('order_id', t.order_no) ELSE '{}' END
         || CASE WHEN t.topic IN ('billing', 'refund') THEN jsonb_build_object('amount', t.amount) ELSE '{}' END
         || CASE WHEN t.topic IN ('bug', 'performance') THEN jsonb_build_object('app_version', t.app_version, 'platform', t.platform) ELSE '{}' END,
       t.lang, t.policy_id,
       CASE WHEN t.prev_solved > t.created_at - interval '14 days' AND t.r_follow < 0.35 THEN t.prev_tid END,
       t.created_at, coalesce(t.closed_at, t.solved_at), t.solved_at, t.closed_at, t.fr_at
  FROM demo_times t
  JOIN frontline_demo.topic_text tt ON tt.lang = t.lang AND tt.topic = t.topic
 ORDER BY t.tid;
DO $$ BEGIN
    PERFORM setval(pg_get_serial_sequence('frontline.tickets', 'id'), (SELECT max(id) FROM frontline.tickets));
END $$;

-- SLA clocks, all met: first response by the first reply, next response (the
-- last one) by the last reply, resolution by the solve with the time spent
-- pending as paused minutes.
INSERT INTO frontline.sla_clocks (ticket_id, kind, target_minutes, started_at, paused_since, paused_minutes,
                                  due_at, met_at, met_by)
SELECT t.tid, 'first_response', t.fr_t, t.created_at, NULL::timestamptz, 0, t.fr_due, t.fr_at, 'reply'
  FROM demo_times t
UNION ALL
SELECT t.tid, 'next_response', t.nr_t, t.last_c, NULL, 0, t.nr_due, t.last_a, 'reply'
  FROM demo_times t WHERE t.rounds >= 1
UNION ALL
SELECT t.tid, 'resolution', t.res_t, t.created_at, NULL, t.paused_min, t.res_due, t.solved_at, 'solved'
  FROM demo_times t;

-- The conversations.
CREATE TEMP TABLE demo_msg AS
SELECT t.tid, m.seq, m.kind, m.agent_id, m.customer_id, m.channel, m.at,
       frontline_demo.fill(m.body, t.cust_name, ag.display_name, t.tid, t.order_no, t.amount, t.day) AS body
  FROM demo_times t
  JOIN frontline_demo.topic_text tt ON tt.lang = t.lang AND tt.topic = t.topic
  JOIN frontline_demo.lang_text lt ON lt.lang = t.lang
  JOIN frontline.agents ag ON ag.id = t.assignee_id
 CROSS JOIN LATERAL (VALUES
    (1, 'customer', NULL::bigint, t.customer_id, t.channel, t.created_at,
     CASE WHEN t.channel IN ('email', 'portal')
          THEN frontline_demo.pick(lt.cgreet) || E'\n\n' || tt.prob[t.issue]
               || CASE WHEN t.r_misc < 0.6 THEN ' ' || frontline_demo.pick(lt.detail) ELSE '' END
               || E'\n\n' || frontline_demo.pick(lt.csign)
          WHEN t.channel = 'phone' THEN lt.phone || ' ' || tt.prob[t.issue]
          WHEN t.channel = 'walk-in' THEN lt.walkin || ' ' || tt.prob[t.issue]
          ELSE tt.prob[t.issue]
               || CASE WHEN t.r_misc < 0.3 THEN ' ' || frontline_demo.pick(lt.detail) ELSE '' END
     END),
    (2, 'auto', NULL, NULL, t.channel,
     CASE WHEN t.channel IN ('email', 'portal') THEN t.created_at + make_interval(secs => 2 + t.r_misc * 20) END,
     frontline_demo.pick(lt.ack)),
    (3, 'note', t.assignee_id, NULL, NULL,
     CASE WHEN t.r_note < 0.18 THEN greatest(t.created_at + interval '1 second',
                                             t.fr_at - make_interval(secs => 30 + t.r_note * 1500)) END,
     frontline_demo.pick(tt.note)),
    (4, 'reply', t.assignee_id, NULL, t.channel, t.fr_at,
     CASE WHEN t.channel IN ('email', 'portal', 'social')
          THEN frontline_demo.pick(lt.agreet) || E'\n\n' || tt.ans[t.issue] || E'\n\n' || frontline_demo.pick(lt.asign)
          ELSE tt.ans[t.issue] END),
    (5, 'customer', NULL, t.customer_id, t.channel, t.c1, frontline_demo.pick(lt.cfollow)),
    (6, 'reply', t.assignee_id, NULL, t.channel, t.a1,
     CASE WHEN t.channel IN ('email', 'portal', 'social') THEN frontline_demo.pick(lt.agreet) || E'\n\n' ELSE '' END
     || CASE WHEN t.rounds = 1 THEN frontline_demo.pick(tt.sol) ELSE frontline_demo.pick(lt.hold) END
     || CASE WHEN t.channel IN ('email', 'portal', 'social') THEN E'\n\n' || frontline_demo.pick(lt.asign) ELSE '' END),
    (7, 'customer', NULL, t.customer_id, t.channel, t.c2, frontline_demo.pick(lt.cfollow)),
    (8, 'reply', t.assignee_id, NULL, t.channel, t.a2,
     CASE WHEN t.channel IN ('email', 'portal', 'social') THEN frontline_demo.pick(lt.agreet) || E'\n\n' ELSE '' END
     || frontline_demo.pick(tt.sol)
     || CASE WHEN t.channel IN ('email', 'portal', 'social') THEN E'\n\n' || frontline_demo.pick(lt.asign) ELSE '' END)
 ) AS m(seq, kind, agent_id, customer_id, channel, at, body)
 WHERE m.at IS NOT NULL;

INSERT INTO frontline.messages (ticket_id, kind, author_agent_id, author_customer_id, channel, body, created_at)
SELECT tid, kind, agent_id, customer_id, channel, body, at
  FROM demo_msg
 ORDER BY at, tid, seq;

-- The audit trail the triggers would have written: the insert, every
-- message, and the status changes (taken and answered, pending, reopened by
-- the customer, solved, closed by the four-day auto-close).
INSERT INTO frontline.ticket_events (ticket_id, at, actor, what, old, new)
SELECT e.ticket_id, e.at, e.actor, e.what, e.old, e.new
  FROM (
    SELECT t.id AS ticket_id, t.created_at AS at,
           CASE WHEN t.channel IN ('phone', 'walk-in') THEN ag.role_name::text ELSE 'postgres' END AS actor,
           'insert' AS what, NULL::jsonb AS old,
           to_jsonb(t) - frontline.ticket_derived_columns()
               - ARRAY['assignee_id', 'solved_at', 'closed_at', 'first_response_at']
               || jsonb_build_object('status', 'new', 'assignee_id', NULL, 'solved_at', NULL,
                                     'closed_at', NULL, 'first_response_at', NULL) AS new
      FROM frontline.tickets t
      JOIN demo_times d ON d.tid = t.id
      JOIN frontline.agents ag ON ag.id = d.assignee_id
    UNION ALL
    SELECT m.ticket_id, m.created_at,
           coalesce(ag.role_name::text, 'postgres'), 'message', NULL,
           jsonb_build_object('message_id', m.id, 'kind', m.kind, 'author_agent_id', m.author_agent_id,
                              'author_customer_id', m.author_customer_id, 'channel', m.channel,
                              'created_at', m.created_at, 'idempotency_key', NULL)
      FROM frontline.messages m
      JOIN demo_times d ON d.tid = m.ticket_id
      LEFT JOIN frontline.agents ag ON ag.id = m.author_agent_id
    UNION ALL
    SELECT d.tid, x.at, x.actor, 'update', x.old, x.new
      FROM demo_times d
      JOIN frontline.agents ag ON ag.id = d.assignee_id
     CROSS JOIN LATERAL (VALUES
        (d.fr_at, ag.role_name::text,
         jsonb_build_object('status', 'new', 'assignee_id', NULL, 'first_response_at', NULL),
         jsonb_build_object('status', 'open', 'assignee_id', d.assignee_id, 'first_response_at', d.fr_at)),
        (CASE WHEN d.rounds >= 1 THEN d.fr_at + interval '1 second' END, ag.role_name::text,
         jsonb_build_object('status', 'open'), jsonb_build_object('status', 'pending')),
        (d.c1, 'postgres', jsonb_build_object('status', 'pending'), jsonb_build_object('status', 'open')),
        (CASE WHEN d.rounds >= 2 THEN d.a1 + interval '1 second' END, ag.role_name::text,
         jsonb_build_object('status', 'open'), jsonb_build_object('status', 'pending')),
        (d.c2, 'postgres', jsonb_build_object('status', 'pending'), jsonb_build_object('status', 'open')),
        (d.solved_at, ag.role_name::text,
         jsonb_build_object('status', 'open', 'solved_at', NULL),
         jsonb_build_object('status', 'solved', 'solved_at', d.solved_at)),
        (d.closed_at, 'postgres',
         jsonb_build_object('status', 'solved', 'closed_at', NULL),
         jsonb_build_object('status', 'closed', 'closed_at', d.closed_at))
     ) AS x(at, actor, old, new)
     WHERE x.at IS NOT NULL
  ) AS e
 ORDER BY e.at;

-- Ratings, as survey_plan() would have asked for them: per the channel's
-- survey_policy row (every n-th ticket), not within min_days_between of the
-- customer's last answered or declined survey; some customers answer, a few
-- decline, the others ignore it (no row). Rougher tickets (an SLA target
-- missed, or a customer who had to write three times) score lower.
CREATE TEMP TABLE demo_rate AS
SELECT d.tid, d.customer_id, d.solved_at, d.channel, d.lang, d.topic, d.assignee_id, d.rounds,
       d.cust_name, ag.display_name AS agent_name, sp.min_days_between, sp.ask_nps,
       (d.fr_at > d.fr_due OR d.solved_at > d.res_due OR d.last_a > d.nr_due OR d.rounds = 2) AS rough,
       CASE WHEN d.channel IN ('phone', 'chat', 'walk-in', 'messenger') THEN 'live' ELSE 'survey' END AS via,
       random() AS r_answer, random() AS r_csat, random() AS r_nps, random() AS r_reason,
       random() AS r_comment, random() AS r_cb, random() AS r_delay
  FROM demo_times d
  JOIN frontline.agents ag ON ag.id = d.assignee_id
 CROSS JOIN LATERAL (SELECT p.* FROM frontline.survey_policy p
                      WHERE p.channel = d.channel OR p.channel IS NULL
                      ORDER BY p.channel NULLS LAST LIMIT 1) AS sp
 WHERE d.tid % sp.every_nth = 0;

CREATE TEMP TABLE demo_rated (tid bigint PRIMARY KEY, status text NOT NULL, at timestamptz NOT NULL);
DO $$
DECLARE
    r         record;
    v_cust    bigint := -1;
    v_last    timestamptz;
    v_at      timestamptz;
    v_ids     bigint[] := '{}';
    v_status  text[] := '{}';
    v_ats     timestamptz[] := '{}';
BEGIN
    FOR r IN SELECT * FROM demo_rate ORDER BY customer_id, solved_at LOOP
        IF r.customer_id <> v_cust THEN
            v_cust := r.customer_id;
            v_last := NULL;
        END IF;
        CONTINUE WHEN v_last IS NOT NULL AND v_last > r.solved_at - make_interval(days => r.min_days_between);
        CONTINUE WHEN r.r_answer >= 0.72;                   -- asked, never answered
        v_at := r.solved_at + CASE WHEN r.via = 'live' THEN make_interval(secs => 20 + r.r_delay * 100)
                                   ELSE make_interval(secs => 600 + r.r_delay * 2 * 86400) END;
        CONTINUE WHEN v_at > now() - interval '10 seconds';   -- not answered yet
        v_ids := v_ids || r.tid;
        v_status := v_status || CASE WHEN r.r_answer < 0.6 THEN 'answered' ELSE 'declined' END;
        v_ats := v_ats || v_at;
        v_last := v_at;
    END LOOP;
    INSERT INTO demo_rated SELECT * FROM unnest(v_ids, v_status, v_ats);
END $$;

INSERT INTO frontline.ratings (ticket_id, csat, nps, reason, comment, callback_wanted, resolved_first_contact,
                               topic, status, asked_by, via, created_at)
SELECT x.tid, x.csat, x.nps,
       CASE WHEN x.csat <= 2 THEN lr.reason END,
       CASE WHEN x.csat <= 2 AND x.r_comment < 0.75 THEN lt.low[x.reason_n]
            WHEN x.csat = 3 AND x.r_comment < 0.3 THEN lt.low[x.reason_n]
            WHEN x.csat >= 4 AND x.r_comment < 0.15
                 THEN frontline_demo.fill(lt.high[1 + floor(x.r_comment / 0.15 * cardinality(lt.high))::int],
                                          x.cust_name, x.agent_name, x.tid, NULL, NULL, NULL) END,
       coalesce(x.csat <= 2 AND x.r_cb < 0.45, false),
       CASE WHEN x.status = 'answered' THEN x.rounds = 0 END,
       x.topic, x.status, x.assignee_id, x.via, x.at
  FROM (
    SELECT r.*, dr.status, dr.at,
           CASE WHEN dr.status = 'answered' THEN c.csat END AS csat,
           CASE WHEN dr.status = 'answered' AND r.ask_nps THEN
                CASE c.csat WHEN 5 THEN 7 + width_bucket(r.r_nps, ARRAY[0, 0.15, 0.45])
                            WHEN 4 THEN 6 + floor(r.r_nps * 4)::int
                            WHEN 3 THEN 4 + floor(r.r_nps * 4)::int
                            WHEN 2 THEN 1 + floor(r.r_nps * 5)::int
                            ELSE floor(r.r_nps * 4)::int END END AS nps,
           CASE WHEN r.rough AND r.r_reason < 0.5 THEN 1 ELSE 2 + floor(r.r_reason * 4)::int END AS reason_n
      FROM demo_rate r
      JOIN demo_rated dr ON dr.tid = r.tid
     CROSS JOIN LATERAL (SELECT width_bucket(r.r_csat, CASE WHEN r.rough THEN ARRAY[0, 0.14, 0.27, 0.45, 0.70]
                                                             ELSE ARRAY[0, 0.03, 0.07, 0.14, 0.38] END) AS csat) AS c
  ) AS x
  JOIN frontline_demo.lang_text lt ON lt.lang = x.lang
  JOIN frontline_demo.low_reasons lr ON lr.n = x.reason_n
 ORDER BY x.at;

SET LOCAL session_replication_role = origin;

-- The survey's contact counter (007-ratings.sql) counts a ticket when it is
-- solved; the history above went in with triggers off, so number it now,
-- per channel in the order it was solved. The live tickets below count
-- through the trigger.
DO $$ BEGIN PERFORM frontline.survey_contacts_rebuild(); END $$;

-- ===========================================================================
-- 6. Live helpers: the open workload below and simulate_tick() use them, so
--    everything from here on goes through the real triggers and SLA engine.
-- ===========================================================================

-- Moves frontline.now() (superuser only) to p_at for the rest of the
-- transaction; null or a time not in the past puts it back to now().
CREATE FUNCTION frontline_demo.move_clock(p_at timestamptz) RETURNS void
LANGUAGE sql AS $$
    SELECT set_config('frontline.now',
                      CASE WHEN p_at IS NULL OR p_at >= now() THEN '' ELSE frontline.ts_text(p_at) END, true)
$$;

-- The text of a message on a ticket, in the ticket's language and about its
-- topic (custom->>'topic'; generic text for tickets without one).
--   what: problem, follow, thanks (customer); answer, hold, solve, note (agent); ack (automatic)
--   issue: which of the topic's problems (1-4; the subject, problem and
--   answer of an issue belong together); by default the one the customer's
--   first message describes, else any.
CREATE FUNCTION frontline_demo.message_text(p_ticket_id bigint, p_what text, p_agent_id bigint DEFAULT NULL,
                                            p_issue integer DEFAULT NULL)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    t       record;
    lt      frontline_demo.lang_text;
    tt      frontline_demo.topic_text;
    v_agent text;
    v_text  text;
    v_formal boolean;
    v_issue integer := p_issue;
    v_first text;
BEGIN
    SELECT tk.id, tk.channel, coalesce(tk.language, c.language) AS lang, tk.custom, c.name AS cust_name
      INTO t
      FROM frontline.tickets tk JOIN frontline.customers c ON c.id = tk.customer_id
     WHERE tk.id = p_ticket_id;
    SELECT * INTO lt FROM frontline_demo.lang_text WHERE lang = t.lang;
    IF NOT FOUND THEN
        SELECT * INTO lt FROM frontline_demo.lang_text WHERE lang = 'en';
    END IF;
    SELECT * INTO tt FROM frontline_demo.topic_text WHERE lang = lt.lang AND topic = t.custom->>'topic';
    SELECT display_name INTO v_agent FROM frontline.agents WHERE id = p_agent_id;
    IF v_issue IS NULL AND p_what = 'answer' AND tt.prob IS NOT NULL THEN
        SELECT m.body INTO v_first FROM frontline.messages m
         WHERE m.ticket_id = p_ticket_id AND m.kind = 'customer' ORDER BY m.created_at, m.id LIMIT 1;
        SELECT i INTO v_issue FROM generate_subscripts(tt.prob, 1) AS i
         WHERE strpos(v_first, split_part(tt.prob[i], '{', 1)) > 0 LIMIT 1;
    END IF;
    v_formal := t.channel IN ('email', 'portal', 'social');
    v_text := CASE p_what
        WHEN 'problem' THEN coalesce(tt.prob[v_issue], frontline_demo.pick(tt.prob), frontline_demo.pick(lt.cfollow))
        WHEN 'follow'  THEN frontline_demo.pick(lt.cfollow)
        WHEN 'thanks'  THEN frontline_demo.pick(lt.cthanks)
        WHEN 'answer'  THEN coalesce(tt.ans[v_issue], frontline_demo.pick(tt.ans), frontline_demo.pick(lt.hold))
        WHEN 'hold'    THEN frontline_demo.pick(lt.hold)
        WHEN 'solve'   THEN coalesce(frontline_demo.pick(tt.sol), frontline_demo.pick(lt.solgen))
        WHEN 'note'    THEN coalesce(frontline_demo.pick(tt.note), frontline_demo.pick(lt.hold))
        WHEN 'ack'     THEN frontline_demo.pick(lt.ack)
    END;
    IF v_text IS NULL THEN
        RAISE EXCEPTION 'frontline_demo.message_text: unknown kind %', p_what;
    END IF;
    IF p_what = 'problem' THEN
        v_text := CASE
            WHEN t.channel IN ('email', 'portal')
                 THEN frontline_demo.pick(lt.cgreet) || E'\n\n' || v_text
                      || CASE WHEN random() < 0.6 THEN ' ' || frontline_demo.pick(lt.detail) ELSE '' END
                      || E'\n\n' || frontline_demo.pick(lt.csign)
            WHEN t.channel = 'phone' THEN lt.phone || ' ' || v_text
            WHEN t.channel = 'walk-in' THEN lt.walkin || ' ' || v_text
            WHEN random() < 0.3 THEN v_text || ' ' || frontline_demo.pick(lt.detail)
            ELSE v_text END;
    ELSIF p_what IN ('answer', 'hold', 'solve') AND v_formal THEN
        v_text := frontline_demo.pick(lt.agreet) || E'\n\n' || v_text || E'\n\n' || frontline_demo.pick(lt.asign);
    END IF;
    RETURN frontline_demo.fill(v_text, t.cust_name, v_agent, t.id, t.custom->>'order_id',
                               coalesce(t.custom->>'amount', frontline_demo.pick(lt.amount)),
                               frontline_demo.say_date(lt.lang, (now() - interval '3 days')::date));
END $$;

-- A customer opens a ticket at p_at: the ticket (queue from the topic unless
-- given, SLA policy from the customer's tier), the first message and, on
-- email and the portal, the automatic acknowledgement.
CREATE FUNCTION frontline_demo.new_ticket(p_customer_id bigint, p_channel text, p_topic text, p_priority text,
                                          p_at timestamptz DEFAULT now(), p_queue text DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    c         frontline.customers;
    lt        frontline_demo.lang_text;
    tt        frontline_demo.topic_text;
    v_id      bigint;
    v_order   text := (7000000 + floor(random() * 2999999))::int::text;
    v_amount  text;
    v_custom  jsonb;
    v_issue   integer := 1 + floor(random() * 4)::int;
BEGIN
    SELECT * INTO STRICT c FROM frontline.customers WHERE id = p_customer_id;
    SELECT * INTO lt FROM frontline_demo.lang_text WHERE lang = c.language;
    SELECT * INTO tt FROM frontline_demo.topic_text WHERE lang = c.language AND topic = p_topic;
    v_amount := frontline_demo.pick(lt.amount);
    v_custom := jsonb_build_object('topic', p_topic)
        || CASE WHEN p_topic IN ('billing', 'invoice', 'refund', 'delivery') THEN jsonb_build_object('order_id', v_order) ELSE '{}' END
        || CASE WHEN p_topic IN ('billing', 'refund') THEN jsonb_build_object('amount', v_amount) ELSE '{}' END
        || CASE WHEN p_topic IN ('bug', 'performance')
                THEN jsonb_build_object('app_version', frontline_demo.pick(ARRAY['4.2.0', '4.2.1']),
                                        'platform', frontline_demo.pick(ARRAY['Windows', 'macOS', 'Android', 'iOS']))
                ELSE '{}' END;
    PERFORM frontline_demo.move_clock(p_at);
    INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, priority, tags, custom, sla_policy_id, created_at)
    SELECT c.id, q.id, p_channel,
           frontline_demo.fill(coalesce(tt.subj[v_issue], p_topic), c.name, NULL, NULL, v_order, v_amount, NULL),
           p_priority,
           ARRAY[p_topic] || CASE WHEN c.tier = 'vip' THEN ARRAY['vip'] ELSE '{}'::text[] END
                          || CASE WHEN q.name = 'Senior' THEN ARRAY['escalated'] ELSE '{}'::text[] END,
           v_custom, p.id, p_at
      FROM frontline.queues q, frontline.sla_policies p
     WHERE q.name = coalesce(p_queue, (SELECT queue FROM frontline_demo.topics WHERE topic = p_topic), 'General')
       AND p.name = CASE c.tier WHEN 'vip' THEN 'VIP' WHEN 'premium' THEN 'Premium' ELSE 'Standard' END
    RETURNING id INTO v_id;
    INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, channel, body, created_at)
    VALUES (v_id, 'customer', c.id, p_channel, frontline_demo.message_text(v_id, 'problem', NULL, v_issue), p_at);
    IF p_channel IN ('email', 'portal') THEN
        INSERT INTO frontline.messages (ticket_id, kind, channel, body, created_at)
        VALUES (v_id, 'auto', p_channel, frontline_demo.message_text(v_id, 'ack'), p_at + interval '3 seconds');
    END IF;
    PERFORM frontline_demo.move_clock(NULL);
    RETURN v_id;
END $$;

-- The audit trail names p_agent_id's role as the actor of the ticket
-- changes that follow (003's `frontline.actor`, honoured for superusers);
-- null: the caller (postgres, standing for the mail/chat gateway).
CREATE FUNCTION frontline_demo.act_as(p_agent_id bigint) RETURNS void
LANGUAGE sql AS $$
    SELECT set_config('frontline.actor',
                      coalesce((SELECT role_name::text FROM frontline.agents WHERE id = p_agent_id), ''), true)
$$;

-- An agent's reply (answer, hold, solve) or internal note (note) at p_at.
CREATE FUNCTION frontline_demo.agent_message(p_ticket_id bigint, p_agent_id bigint, p_what text,
                                             p_at timestamptz DEFAULT now())
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint;
BEGIN
    PERFORM frontline_demo.act_as(p_agent_id);
    INSERT INTO frontline.messages (ticket_id, kind, author_agent_id, channel, body, created_at)
    SELECT t.id, CASE WHEN p_what = 'note' THEN 'note' ELSE 'reply' END, p_agent_id,
           CASE WHEN p_what = 'note' THEN NULL ELSE t.channel END,
           frontline_demo.message_text(t.id, p_what, p_agent_id), p_at
      FROM frontline.tickets t WHERE t.id = p_ticket_id
    RETURNING id INTO v_id;
    PERFORM frontline_demo.act_as(NULL);
    RETURN v_id;
END $$;

-- The customer writes again (follow, thanks) at p_at.
CREATE FUNCTION frontline_demo.customer_message(p_ticket_id bigint, p_what text, p_at timestamptz DEFAULT now())
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint;
BEGIN
    INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, channel, body, created_at)
    SELECT t.id, 'customer', t.customer_id, t.channel, frontline_demo.message_text(t.id, p_what), p_at
      FROM frontline.tickets t WHERE t.id = p_ticket_id
    RETURNING id INTO v_id;
    RETURN v_id;
END $$;

-- Assignment and status change at p_at (null arguments keep the value), by
-- the (new) assignee.
CREATE FUNCTION frontline_demo.set_ticket(p_ticket_id bigint, p_status text, p_assignee_id bigint,
                                          p_reason text DEFAULT NULL, p_at timestamptz DEFAULT now())
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM frontline_demo.move_clock(p_at);
    PERFORM frontline_demo.act_as(coalesce(p_assignee_id,
                                           (SELECT assignee_id FROM frontline.tickets WHERE id = p_ticket_id)));
    UPDATE frontline.tickets
       SET status = coalesce(p_status, status),
           assignee_id = coalesce(p_assignee_id, assignee_id),
           pause_reason = CASE WHEN coalesce(p_status, status) IN ('pending', 'on_hold')
                               THEN coalesce(p_reason, pause_reason) END
     WHERE id = p_ticket_id;
    PERFORM frontline_demo.act_as(NULL);
    PERFORM frontline_demo.move_clock(NULL);
END $$;

-- A random customer, topic (by weight), channel (phone, chat and walk-in
-- only in office hours) and priority (by tier).
CREATE FUNCTION frontline_demo.random_topic() RETURNS text
LANGUAGE sql AS $$
    SELECT topic FROM frontline_demo.topics ORDER BY -ln(1 - random()) / weight LIMIT 1
$$;

CREATE FUNCTION frontline_demo.random_channel(p_at timestamptz DEFAULT now()) RETURNS text
LANGUAGE sql AS $$
    SELECT CASE WHEN extract(isodow FROM p_at AT TIME ZONE 'Europe/Warsaw') <= 5
                 AND (p_at AT TIME ZONE 'Europe/Warsaw')::time BETWEEN '08:00' AND '17:59'
                THEN frontline_demo.wpick(random(), ARRAY['email', 'chat', 'phone', 'portal', 'messenger', 'social', 'walk-in'],
                                          ARRAY[0, 0.30, 0.50, 0.66, 0.77, 0.87, 0.94])
                ELSE frontline_demo.wpick(random(), ARRAY['email', 'portal', 'messenger', 'social'],
                                          ARRAY[0, 0.50, 0.70, 0.90]) END
$$;

CREATE FUNCTION frontline_demo.random_priority(p_tier text) RETURNS text
LANGUAGE sql AS $$
    SELECT frontline_demo.wpick(random(), ARRAY['low', 'normal', 'high', 'urgent'],
               CASE p_tier WHEN 'vip' THEN ARRAY[0, 0.05, 0.55, 0.85]
                           WHEN 'premium' THEN ARRAY[0, 0.12, 0.70, 0.92]
                           ELSE ARRAY[0, 0.18, 0.78, 0.95] END)
$$;

-- An agent of the team of a ticket's queue who speaks its language (any
-- agent of the team if none does), other than p_not.
CREATE FUNCTION frontline_demo.team_agent(p_ticket_id bigint, p_not bigint DEFAULT NULL) RETURNS bigint
LANGUAGE sql AS $$
    SELECT a.id
      FROM frontline.tickets t
      JOIN frontline.queues q ON q.id = t.queue_id
      JOIN frontline.agents a ON a.team_id = q.team_id AND a.active AND NOT a.is_supervisor
     WHERE t.id = p_ticket_id AND a.id IS DISTINCT FROM p_not
     ORDER BY (t.language = ANY (a.languages)) DESC, random()
     LIMIT 1
$$;

-- ===========================================================================
-- 7. The open workload: ~100 tickets in every state, created "in the past"
--    through the triggers, so the real SLA engine computes their clocks.
--    Times are chosen on the policy's own clock: e.g. "breached 40 business
--    minutes ago" is 40 business minutes whatever the day and hour the demo
--    is loaded; VIP tickets (24/7) give deadlines within the hour even at
--    night or on a weekend.
-- ===========================================================================

-- Customers without an open ticket or a survey in the last 14 days (so that
-- solving their ticket in the console brings up the rating prompt).
CREATE TEMP TABLE demo_fresh AS
SELECT c.id, c.tier
  FROM frontline.customers c
 WHERE NOT EXISTS (SELECT 1 FROM frontline.tickets t
                    WHERE t.customer_id = c.id AND t.status NOT IN ('solved', 'closed'))
   AND NOT EXISTS (SELECT 1 FROM frontline.tickets t JOIN frontline.ratings r ON r.ticket_id = t.id
                    WHERE t.customer_id = c.id AND r.created_at > now() - interval '14 days');

DO $$
DECLARE
    v_default  bigint := (SELECT id FROM frontline.agents WHERE NOT is_supervisor AND active ORDER BY id LIMIT 1);
    -- 68 not answered yet (most of them in the queues, unassigned), 30 in progress
    v_plan     text[] := array_fill('new_breached'::text, ARRAY[16]) || array_fill('new_soon'::text, ARRAY[14])
                      || array_fill('new_running'::text, ARRAY[28]) || array_fill('new_fresh'::text, ARRAY[10])
                      || array_fill('open_nr_breached'::text, ARRAY[4]) || array_fill('open_nr_running'::text, ARRAY[7])
                      || array_fill('open_wip'::text, ARRAY[5]) || array_fill('pending'::text, ARRAY[10])
                      || array_fill('on_hold'::text, ARRAY[4]);
    v_scenario text;
    v_queue    text;
    v_topic    text;
    v_tier     text;
    v_customer bigint;
    v_priority text;
    v_cal      boolean;
    v_fr       integer;
    v_nr       integer;
    v_rem      double precision;
    v_created  timestamptz;
    v_answer   timestamptz;
    v_cust2    timestamptz;
    v_channel  text;
    v_ticket   bigint;
    v_agent    bigint;
    v_now      timestamptz := now();
    v_used     bigint[] := '{}';
BEGIN
    FOR i IN 1 .. cardinality(v_plan) LOOP
        v_scenario := v_plan[i];
        v_queue := frontline_demo.wpick(random(), ARRAY['General', 'Billing', 'Technical', 'Senior'], ARRAY[0, 0.30, 0.57, 0.85]);
        SELECT topic INTO v_topic FROM frontline_demo.topics
         WHERE queue = v_queue OR (v_queue = 'Senior' AND (technical OR topic IN ('billing', 'refund')))
         ORDER BY -ln(1 - random()) / weight LIMIT 1;
        v_tier := CASE WHEN v_scenario = 'new_soon' AND i % 2 = 0 THEN 'vip'
                       ELSE frontline_demo.wpick(random(), ARRAY['standard', 'premium', 'vip'], ARRAY[0, 0.70, 0.90]) END;
        -- a customer of that tier without an open ticket or a recent survey
        SELECT f.id INTO v_customer FROM demo_fresh f
         WHERE f.tier = v_tier AND f.id <> ALL (v_used)
         ORDER BY random() LIMIT 1;
        v_used := v_used || v_customer;
        v_priority := frontline_demo.random_priority(v_tier);
        SELECT p.calendar_id IS NOT NULL, st.first_response_minutes, st.next_response_minutes
          INTO v_cal, v_fr, v_nr
          FROM frontline.sla_policies p
          JOIN frontline.sla_targets st ON st.policy_id = p.id AND st.priority = v_priority
         WHERE p.name = CASE v_tier WHEN 'vip' THEN 'VIP' WHEN 'premium' THEN 'Premium' ELSE 'Standard' END;

        -- When it all happened (v_rem: minutes left on the governing clock).
        v_answer := NULL;
        v_cust2 := NULL;
        IF v_scenario = 'new_breached' THEN
            v_rem := -(5 + random() * least(300, v_fr * 1.5));
            v_created := pg_temp.badd(v_cal, v_now, (v_rem - v_fr) * 60);
        ELSIF v_scenario = 'new_soon' THEN
            v_rem := least(5 + random() * 50, v_fr * (0.2 + 0.6 * random()));
            v_created := pg_temp.badd(v_cal, v_now, (v_rem - v_fr) * 60);
        ELSIF v_scenario = 'new_running' THEN
            v_rem := CASE WHEN v_fr > 90 THEN 60 + random() * (v_fr - 70) ELSE v_fr * (0.5 + 0.4 * random()) END;
            v_created := pg_temp.badd(v_cal, v_now, (v_rem - v_fr) * 60);
        ELSIF v_scenario = 'new_fresh' THEN
            v_created := v_now - make_interval(secs => 60 + random() * 540);
        ELSIF v_scenario IN ('open_nr_breached', 'open_nr_running') THEN
            v_rem := CASE WHEN v_scenario = 'open_nr_breached' THEN -(5 + random() * least(240, v_nr))
                          ELSE least(v_nr - 1, 10 + random() * v_nr) END;
            v_cust2 := pg_temp.badd(v_cal, v_now, (v_rem - v_nr) * 60);
            v_answer := pg_temp.badd(v_cal, v_cust2, -(600 + random() * 6600));
            v_created := pg_temp.badd(v_cal, v_answer, -v_fr * 60 * (0.1 + 0.8 * random()));
        ELSE    -- open_wip, pending, on_hold: answered, now waiting on someone
            v_created := pg_temp.badd(v_cal, v_now, -(120 + random() * 1380) * 60);
            v_answer := least(v_now - interval '3 minutes',
                              pg_temp.badd(v_cal, v_created, v_fr * 60 * (0.1 + 0.7 * random())));
        END IF;
        v_channel := frontline_demo.random_channel(v_created);

        v_ticket := frontline_demo.new_ticket(v_customer, v_channel, v_topic, v_priority, v_created, v_queue);
        IF v_answer IS NULL THEN
            -- not answered yet; a few already taken by someone
            IF random() < 0.1 THEN
                v_agent := frontline_demo.team_agent(v_ticket);
                PERFORM frontline_demo.set_ticket(v_ticket, NULL, v_agent, NULL,
                                                  least(v_now, v_created + interval '2 minutes'));
            END IF;
            CONTINUE;
        END IF;

        -- Answered: by the default agent for some of her team's tickets, so
        -- her own list is not empty; else by a colleague.
        v_agent := CASE WHEN i % 5 = 0 AND v_queue IN ('General', 'Billing') THEN v_default
                        ELSE frontline_demo.team_agent(v_ticket, v_default) END;
        PERFORM frontline_demo.set_ticket(v_ticket, NULL, v_agent, NULL, v_answer - interval '1 minute');
        IF random() < 0.3 THEN
            PERFORM frontline_demo.agent_message(v_ticket, v_agent, 'note', v_answer - interval '30 seconds');
        END IF;
        PERFORM frontline_demo.agent_message(v_ticket, v_agent,
                                             CASE WHEN v_scenario = 'open_wip' THEN 'hold' ELSE 'answer' END, v_answer);
        IF v_scenario IN ('open_nr_breached', 'open_nr_running') THEN
            PERFORM frontline_demo.set_ticket(v_ticket, 'pending', NULL, 'Waiting for the customer''s reply',
                                              v_answer + interval '5 seconds');
            PERFORM frontline_demo.customer_message(v_ticket, 'follow', v_cust2);
        ELSIF v_scenario = 'pending' THEN
            PERFORM frontline_demo.set_ticket(v_ticket, 'pending', NULL, 'Waiting for the customer''s reply',
                                              v_answer + interval '5 seconds');
        ELSIF v_scenario = 'on_hold' THEN
            PERFORM frontline_demo.set_ticket(v_ticket, 'on_hold', NULL,
                frontline_demo.pick(ARRAY['Waiting for the engineering team (BUG-1432)',
                                          'Waiting for the courier''s answer',
                                          'Waiting for the payment provider']),
                v_answer + interval '5 seconds');
        END IF;
    END LOOP;
END $$;

-- ===========================================================================
-- 8. The traffic simulator
-- ===========================================================================

-- frontline_demo.simulate_tick(): called every few seconds by `frontline
-- demo`. A little traffic through the normal triggers, a handful of rows at
-- most: perhaps a new ticket, perhaps a customer writing back (which reopens
-- a pending ticket), perhaps a colleague (never the default demo agent, and
-- never on a ticket someone is looking at) answering or solving one of the
-- oldest tickets, sometimes with the customer's rating. The odds keep the
-- number of open tickets between about 60 and 150.
CREATE FUNCTION frontline_demo.simulate_tick() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_open     integer;
    v_default  bigint;
    v_lo       bigint;
    v_hi       bigint;
    v_customer frontline.customers;
    v_t        record;
    v_agent    bigint;
    v_csat     integer;
BEGIN
    PERFORM frontline_demo.move_clock(NULL);
    SELECT count(*) INTO v_open FROM frontline.tickets WHERE status NOT IN ('solved', 'closed');
    SELECT id INTO v_default FROM frontline.agents WHERE NOT is_supervisor AND active ORDER BY id LIMIT 1;

    -- The colleagues are at work for the wallboard: all online but the last
    -- two, one of them away and one gone home. Steady, so no change is
    -- written once they are up (agent_heartbeat_as logs flips only).
    PERFORM frontline.agent_heartbeat_as(a.role_name, a.n = a.total - 1)
       FROM (SELECT role_name, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
               FROM frontline.agents
              WHERE NOT is_supervisor AND active AND id <> v_default) AS a
      WHERE a.n < a.total;

    -- A customer opens a ticket.
    IF random() < (CASE WHEN v_open < 60 THEN 0.8 WHEN v_open < 100 THEN 0.4
                        WHEN v_open < 150 THEN 0.2 ELSE 0.02 END) THEN
        SELECT min(id), max(id) INTO v_lo, v_hi FROM frontline.customers;
        SELECT * INTO v_customer FROM frontline.customers
         WHERE id >= v_lo + floor(random() * (v_hi - v_lo + 1))::bigint ORDER BY id LIMIT 1;
        IF FOUND THEN
            PERFORM frontline_demo.new_ticket(v_customer.id, frontline_demo.random_channel(),
                                              frontline_demo.random_topic(),
                                              frontline_demo.random_priority(v_customer.tier));
        END IF;
    END IF;

    -- A customer writes back on an answered ticket.
    IF random() < 0.2 THEN
        SELECT t.id, t.status INTO v_t FROM frontline.tickets t
         WHERE t.status NOT IN ('solved', 'closed') AND t.first_response_at IS NOT NULL
         ORDER BY random() LIMIT 1;
        IF FOUND THEN
            PERFORM frontline_demo.customer_message(v_t.id,
                CASE WHEN v_t.status = 'pending' OR random() < 0.7 THEN 'follow' ELSE 'thanks' END);
        END IF;
    END IF;

    -- A colleague works one of the oldest tickets.
    IF random() < (CASE WHEN v_open > 150 THEN 0.95 WHEN v_open > 120 THEN 0.6
                        WHEN v_open >= 60 THEN 0.3 ELSE 0.05 END) THEN
        SELECT t.id, t.status, t.assignee_id, t.first_response_at INTO v_t
          FROM frontline.tickets t
         WHERE t.status NOT IN ('solved', 'closed')
           AND t.assignee_id IS DISTINCT FROM v_default
           AND NOT EXISTS (SELECT 1 FROM frontline.presence p
                            WHERE p.ticket_id = t.id AND p.heartbeat_at > now() - interval '2 minutes')
         ORDER BY t.created_at
         LIMIT 1 OFFSET floor(random() * 5)::int;
        IF FOUND THEN
            v_agent := coalesce(v_t.assignee_id, frontline_demo.team_agent(v_t.id, v_default));
            IF v_t.status IN ('pending', 'on_hold') OR (v_t.first_response_at IS NOT NULL AND random() < 0.7)
               OR random() < 0.3 THEN
                PERFORM frontline_demo.agent_message(v_t.id, v_agent, 'solve');
                PERFORM frontline_demo.set_ticket(v_t.id, 'solved', v_agent);
                IF random() < 0.35 AND (SELECT s.ask FROM frontline.survey_plan(v_t.id) AS s) THEN
                    v_csat := width_bucket(random(), ARRAY[0, 0.04, 0.08, 0.16, 0.40]);
                    INSERT INTO frontline.ratings (ticket_id, csat, nps, callback_wanted, resolved_first_contact,
                                                   topic, asked_by, via)
                    SELECT t.id, v_csat,
                           CASE WHEN v_csat >= 4 THEN 7 + v_csat - 3 + floor(random() * 2)::int
                                ELSE floor(random() * (v_csat * 2 + 1))::int END,
                           v_csat <= 2 AND random() < 0.4,
                           (SELECT count(*) FROM frontline.messages m
                             WHERE m.ticket_id = t.id AND m.kind = 'customer') = 1,
                           t.custom->>'topic', v_agent, 'survey'
                      FROM frontline.tickets t WHERE t.id = v_t.id;
                END IF;
            ELSE
                PERFORM frontline_demo.agent_message(v_t.id, v_agent,
                    CASE WHEN v_t.first_response_at IS NULL THEN 'answer' ELSE 'hold' END);
                PERFORM frontline_demo.set_ticket(v_t.id, CASE WHEN random() < 0.5 THEN 'pending' END, v_agent,
                                                  'Waiting for the customer''s reply');
            END IF;
        END IF;
    END IF;
END $$;

-- ===========================================================================
-- 9. Statistics, clean-up, and the "loaded" marker (last)
-- ===========================================================================

DROP TABLE demo_cal, demo_hours, demo_cust, demo_pick, demo_team_lang, demo_t0, demo_late,
           demo_times, demo_msg, demo_rate, demo_rated, demo_orgs, demo_newcust, demo_fresh CASCADE;
DROP TABLE demo_t CASCADE;      -- and the view demo_timeline

-- The history went in with the triggers off: the wallboard's per-ticket
-- figures (009-wallboard.sql) are computed here in one pass.
DO $$ BEGIN PERFORM frontline.ticket_stats_rebuild(); END $$;

ANALYZE frontline.organizations, frontline.customers, frontline.tickets, frontline.messages,
        frontline.sla_clocks, frontline.ticket_events, frontline.ratings, frontline.kb_articles,
        frontline.outbox, frontline.changes, frontline.ticket_stats;

CREATE TABLE frontline_demo.seeded (
    seeded_at  timestamptz NOT NULL DEFAULT now(),
    note       text
);
INSERT INTO frontline_demo.seeded (note)
SELECT format('%s customers, %s tickets (%s open), %s messages, %s knowledge-base articles',
              (SELECT count(*) FROM frontline.customers), (SELECT count(*) FROM frontline.tickets),
              (SELECT count(*) FROM frontline.tickets WHERE status NOT IN ('solved', 'closed')),
              (SELECT count(*) FROM frontline.messages), (SELECT count(*) FROM frontline.kb_articles));
