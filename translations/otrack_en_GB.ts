<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AnalysisReport</name>
    <message>
        <source>Attainment: %1, %2, %3</source>
        <extracomment>the report&apos;s title: %1 framework, %2 group, %3 term</extracomment>
        <translation>Attainment: %1, %2, %3</translation>
    </message>
    <message>
        <source>Produced on %1</source>
        <extracomment>%1 is a date</extracomment>
        <translation>Produced on %1</translation>
    </message>
    <message>
        <source>Produced by %1</source>
        <translation>Produced by %1</translation>
    </message>
    <message>
        <source>Shares are of the pupils assessed in each objective; for all objectives together, of all marks. Means are in the scale&apos;s points. A gap is the first group&apos;s mean minus the second&apos;s: below zero, the first group is behind.</source>
        <translation>Shares are of the pupils assessed in each objective; for all objectives together, of all marks. Means are in the scale&apos;s points. A gap is the first group&apos;s mean minus the second&apos;s: below zero, the first group is behind.</translation>
    </message>
    <message>
        <source>Pupils at each value</source>
        <translation>Pupils at each value</translation>
    </message>
    <message>
        <source>Gaps between groups</source>
        <translation>Gaps between groups</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>%1 - %2 - page %3 of %4</source>
        <extracomment>the footer of each page: %1 school, %2 date, %3 page, %4 pages</extracomment>
        <translation>%1 - %2 - page %3 of %4</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>OTrack Desktop: pupil tracking for UK schools.</source>
        <translation>OTrack Desktop: pupil tracking for UK schools.</translation>
    </message>
    <message>
        <source>Keep the encrypted stores under &lt;dir&gt; instead of the usual per-user application data folder.</source>
        <translation>Keep the encrypted stores under &lt;dir&gt; instead of the usual per-user application data folder.</translation>
    </message>
    <message>
        <source>Fill in the school.</source>
        <translation>Fill in the school.</translation>
    </message>
    <message>
        <source>Fill in the username.</source>
        <translation>Fill in the username.</translation>
    </message>
    <message>
        <source>A CA certificate (PEM) to trust for the server, besides the system&apos;s.</source>
        <translation>A CA certificate (PEM) to trust for the server, besides the system&apos;s.</translation>
    </message>
    <message>
        <source>Save a picture of the window shown after about a second (after the server check, if any) to &lt;file&gt;, then quit. For headless runs.</source>
        <translation>Save a picture of the window shown after about a second (after the server check, if any) to &lt;file&gt;, then quit. For headless runs.</translation>
    </message>
    <message>
        <source>For scripted demos only: read the password from the environment variable &lt;var&gt; and sign in with --school and --username at once. Never for real accounts.</source>
        <translation>For scripted demos only: read the password from the environment variable &lt;var&gt; and sign in with --school and --username at once. Never for real accounts.</translation>
    </message>
    <message>
        <source>The language of the interface, e.g. en_GB or cy.</source>
        <translation>The language of the interface, e.g. en_GB or cy.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <source>--ca needs --server.</source>
        <translation>--ca needs --server.</translation>
    </message>
    <message>
        <source>--demo-password-env needs --school and --username.</source>
        <translation>--demo-password-env needs --school and --username.</translation>
    </message>
    <message>
        <source>The OTrack server to sign in to and sync with, https://host:port.</source>
        <translation>The OTrack server to sign in to and sync with, https://host:port.</translation>
    </message>
    <message>
        <source>Print each setting, its value and where it comes from (policy, machine default, user), then quit. For IT staff.</source>
        <translation>Print each setting, its value and where it comes from (policy, machine default, user), then quit. For IT staff.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The password is not right for this account on this PC. Check Caps Lock and try again.</source>
        <translation>The password is not right for this account on this PC. Check Caps Lock and try again.</translation>
    </message>
    <message>
        <source>This PC&apos;s sign-in key is no longer valid. Sign in with your password while connected to your school&apos;s network.</source>
        <translation>This PC&apos;s sign-in key is no longer valid. Sign in with your password while connected to your school&apos;s network.</translation>
    </message>
    <message>
        <source>Your saved data on this PC is damaged or has been altered, so OTrack will not open it. Ask your IT team for help. Data that was already synced is safe on the server.</source>
        <translation>Your saved data on this PC is damaged or has been altered, so OTrack will not open it. Ask your IT team for help. Data that was already synced is safe on the server.</translation>
    </message>
    <message>
        <source>The data file on this PC is not encrypted, so OTrack will not use it. Ask your IT team for help.</source>
        <translation>The data file on this PC is not encrypted, so OTrack will not use it. Ask your IT team for help.</translation>
    </message>
    <message>
        <source>This copy of OTrack cannot encrypt data, so it will not store any. Ask your IT team to reinstall OTrack.</source>
        <translation>This copy of OTrack cannot encrypt data, so it will not store any. Ask your IT team to reinstall OTrack.</translation>
    </message>
    <message>
        <source>Your data on this PC was saved by a newer version of OTrack. Ask your IT team to update OTrack on this PC.</source>
        <translation>Your data on this PC was saved by a newer version of OTrack. Ask your IT team to update OTrack on this PC.</translation>
    </message>
    <message>
        <source>The disk on this PC is full. Free some space, then try again.</source>
        <translation>The disk on this PC is full. Free some space, then try again.</translation>
    </message>
    <message>
        <source>OTrack cannot save to its data folder on this PC. Ask your IT team to check the folder&apos;s permissions.</source>
        <translation>OTrack cannot save to its data folder on this PC. Ask your IT team to check the folder&apos;s permissions.</translation>
    </message>
    <message>
        <source>OTrack could not find your saved data on this PC.</source>
        <translation>OTrack could not find your saved data on this PC.</translation>
    </message>
    <message>
        <source>There is already saved data for this account on this PC.</source>
        <translation>There is already saved data for this account on this PC.</translation>
    </message>
    <message>
        <source>Your data is open in another OTrack window. Close it, then try again.</source>
        <translation>Your data is open in another OTrack window. Close it, then try again.</translation>
    </message>
    <message>
        <source>Some of the details entered are not valid.</source>
        <translation>Some of the details entered are not valid.</translation>
    </message>
    <message>
        <source>This is locked and cannot be changed.</source>
        <translation>This is locked and cannot be changed.</translation>
    </message>
    <message>
        <source>OTrack could not read or save your data on this PC. Try again; if it keeps happening, ask your IT team.</source>
        <translation>OTrack could not read or save your data on this PC. Try again; if it keeps happening, ask your IT team.</translation>
    </message>
    <message>
        <source>Server reachable</source>
        <translation>Server reachable</translation>
    </message>
    <message>
        <source>The server needs a different version of OTrack. Ask your IT team to update OTrack.</source>
        <translation>The server needs a different version of OTrack. Ask your IT team to update OTrack.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate is not trusted, so OTrack did not connect (%1).</source>
        <extracomment>%1 is the technical reason, e.g. &quot;The certificate is self-signed, and untrusted&quot;</extracomment>
        <translation>The server&apos;s security certificate is not trusted, so OTrack did not connect (%1).</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made.</source>
        <translation>A secure connection to the server could not be made.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>The server cannot be reached. Check the network connection.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>The server answered with an error (HTTP %1).</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood.</source>
        <translation>The server&apos;s answer was not understood.</translation>
    </message>
    <message>
        <source>Server check cancelled.</source>
        <translation>Server check cancelled.</translation>
    </message>
    <message>
        <source>The server&apos;s CA certificate file cannot be read.</source>
        <translation>The server&apos;s CA certificate file cannot be read.</translation>
    </message>
    <message>
        <source>The server address or its CA certificate is not valid. The address must start with https://.</source>
        <translation>The server address or its CA certificate is not valid. The address must start with https://.</translation>
    </message>
    <message>
        <source>OTrack cannot reach your school&apos;s OTrack server. Check the network connection.</source>
        <translation>OTrack cannot reach your school&apos;s OTrack server. Check the network connection.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate is not trusted, so OTrack did not connect (%1). Ask your IT team.</source>
        <extracomment>%1 is the technical reason, e.g. &quot;The certificate is self-signed, and untrusted&quot;</extracomment>
        <translation>The server&apos;s security certificate is not trusted, so OTrack did not connect (%1). Ask your IT team.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made. Ask your IT team if this keeps happening.</source>
        <translation>A secure connection to the server could not be made. Ask your IT team if this keeps happening.</translation>
    </message>
    <message>
        <source>The school, username or password is not right. Check Caps Lock and try again.</source>
        <translation>The school, username or password is not right. Check Caps Lock and try again.</translation>
    </message>
    <message>
        <source>Too many attempts to sign in. Wait a few minutes, then try again.</source>
        <translation>Too many attempts to sign in. Wait a few minutes, then try again.</translation>
    </message>
    <message>
        <source>There is no saved data for you on this PC yet. The first sign-in on a PC needs the network.</source>
        <translation>There is no saved data for you on this PC yet. The first sign-in on a PC needs the network.</translation>
    </message>
    <message>
        <source>The server needs a newer version of OTrack. Ask your IT team to update OTrack.</source>
        <translation>The server needs a newer version of OTrack. Ask your IT team to update OTrack.</translation>
    </message>
    <message>
        <source>This PC&apos;s access to OTrack was withdrawn, so its saved data has been deleted. Ask your IT team.</source>
        <translation>This PC&apos;s access to OTrack was withdrawn, so its saved data has been deleted. Ask your IT team.</translation>
    </message>
    <message>
        <source>Signing in did not work. Try again; if it keeps happening, ask your IT team.</source>
        <translation>Signing in did not work. Try again; if it keeps happening, ask your IT team.</translation>
    </message>
    <message numerus="yes">
        <source>Online, %n change(s) to send</source>
        <translation>
            <numerusform>Online, %n change to send</numerusform>
            <numerusform>Online, %n changes to send</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing...</source>
        <translation>Syncing...</translation>
    </message>
    <message numerus="yes">
        <source>Offline, %n change(s) saved on this PC</source>
        <translation>
            <numerusform>Offline, %n change saved on this PC</numerusform>
            <numerusform>Offline, %n changes saved on this PC</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>Sign in again to sync</translation>
    </message>
    <message>
        <source>Sync waits for the legal documents</source>
        <translation>Sync waits for the legal documents</translation>
    </message>
    <message>
        <source>Sync waits for your school&apos;s terms</source>
        <translation>Sync waits for your school&apos;s terms</translation>
    </message>
    <message>
        <source>Update OTrack to sync</source>
        <translation>Update OTrack to sync</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>Secure connection failed</translation>
    </message>
    <message>
        <source>Access withdrawn</source>
        <translation>Access withdrawn</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Sync problem</translation>
    </message>
    <message>
        <source>OTrack is connected to your school&apos;s server. Your marks are saved on this PC at once and sent to the server a moment later.</source>
        <translation>OTrack is connected to your school&apos;s server. Your marks are saved on this PC at once and sent to the server a moment later.</translation>
    </message>
    <message>
        <source>OTrack is sending your changes and fetching your colleagues&apos;. Keep working: nothing waits for this.</source>
        <translation>OTrack is sending your changes and fetching your colleagues&apos;. Keep working: nothing waits for this.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Keep working: your marks are saved on this PC and sent when the network is back. OTrack tries again by itself; choose Sync now to try at once.</source>
        <translation>The server cannot be reached. Keep working: your marks are saved on this PC and sent when the network is back. OTrack tries again by itself; choose Sync now to try at once.</translation>
    </message>
    <message>
        <source>The server asks you to sign in again. Choose File, Sign out, then sign in. Your marks on this PC are kept.</source>
        <translation>The server asks you to sign in again. Choose File, Sign out, then sign in. Your marks on this PC are kept.</translation>
    </message>
    <message>
        <source>Your school has not signed OTrack&apos;s Data Processing Terms yet (or its account is paused), so the server processes none of its pupil data. Your marks wait safely on this PC. Ask your school&apos;s OTrack owner.</source>
        <translation>Your school has not signed OTrack&apos;s Data Processing Terms yet (or its account is paused), so the server processes none of its pupil data. Your marks wait safely on this PC. Ask your school&apos;s OTrack owner.</translation>
    </message>
    <message>
        <source>This version of OTrack is too old for the server. Your marks wait safely on this PC. Ask your IT team to update OTrack.</source>
        <translation>This version of OTrack is too old for the server. Your marks wait safely on this PC. Ask your IT team to update OTrack.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate is not trusted, so OTrack sent nothing (%1). Ask your IT team.</source>
        <translation>The server&apos;s security certificate is not trusted, so OTrack sent nothing (%1). Ask your IT team.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made. OTrack tries again by itself; ask your IT team if this lasts.</source>
        <translation>A secure connection to the server could not be made. OTrack tries again by itself; ask your IT team if this lasts.</translation>
    </message>
    <message>
        <source>This PC&apos;s access was withdrawn by your school, so OTrack deleted its saved data. Ask your IT team.</source>
        <translation>This PC&apos;s access was withdrawn by your school, so OTrack deleted its saved data. Ask your IT team.</translation>
    </message>
    <message>
        <source>The last sync did not complete. OTrack tries again by itself; your marks are safe on this PC. If this lasts, ask your IT team.</source>
        <translation>The last sync did not complete. OTrack tries again by itself; your marks are safe on this PC. If this lasts, ask your IT team.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n change waiting to be sent.</numerusform>
            <numerusform>%n changes waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s) changed by someone else too: open Conflicts to choose.</source>
        <translation>
            <numerusform>%n mark changed by someone else too: open Conflicts to choose.</numerusform>
            <numerusform>%n marks changed by someone else too: open Conflicts to choose.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server: see Conflicts.</source>
        <translation>
            <numerusform>%n change refused by the server: see Conflicts.</numerusform>
            <numerusform>%n changes refused by the server: see Conflicts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last complete sync: %1.</source>
        <translation>Last complete sync: %1.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Not synced yet.</translation>
    </message>
    <message>
        <source>The term was locked.</source>
        <translation>The term was locked.</translation>
    </message>
    <message>
        <source>You may not change this pupil&apos;s marks.</source>
        <translation>You may not change this pupil&apos;s marks.</translation>
    </message>
    <message>
        <source>The pupil&apos;s records were erased.</source>
        <translation>The pupil&apos;s records were erased.</translation>
    </message>
    <message>
        <source>The pupil is not on the school&apos;s roll any more.</source>
        <translation>The pupil is not on the school&apos;s roll any more.</translation>
    </message>
    <message>
        <source>The value is not on the objective&apos;s scale.</source>
        <translation>The value is not on the objective&apos;s scale.</translation>
    </message>
    <message>
        <source>The server refused it (%1).</source>
        <translation>The server refused it (%1).</translation>
    </message>
    <message>
        <source>The server will not sync pupil data until you accept its current legal documents. OTrack shows them to you; sync goes on once you accept.</source>
        <translation>The server will not sync pupil data until you accept its current legal documents. OTrack shows them to you; sync goes on once you accept.</translation>
    </message>
</context>
<context>
    <name>GroupAnalysis</name>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Pupils</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <source>% %1</source>
        <extracomment>a column of the analysis: the share of pupils at a value, e.g. &quot;% Expected&quot;</extracomment>
        <translation>% %1</translation>
    </message>
    <message>
        <source>Mean points</source>
        <translation>Mean points</translation>
    </message>
    <message>
        <source>Pupil premium</source>
        <translation>Pupil premium</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>SEN</source>
        <translation>SEN</translation>
    </message>
    <message>
        <source>Not SEN</source>
        <translation>Not SEN</translation>
    </message>
    <message>
        <source>Boys</source>
        <translation>Boys</translation>
    </message>
    <message>
        <source>Girls</source>
        <translation>Girls</translation>
    </message>
    <message>
        <source>All objectives</source>
        <translation>All objectives</translation>
    </message>
</context>
<context>
    <name>otrack::AnalysisPage</name>
    <message>
        <source>Chart: pupils at each value</source>
        <translation>Chart: pupils at each value</translation>
    </message>
    <message>
        <source>Chart: gaps between groups</source>
        <translation>Chart: gaps between groups</translation>
    </message>
    <message>
        <source>Analysis table</source>
        <translation>Analysis table</translation>
    </message>
    <message>
        <source>Export table as &amp;CSV...</source>
        <translation>Export table as &amp;CSV...</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>Export table as CSV</translation>
    </message>
    <message>
        <source>Save report as &amp;PDF...</source>
        <translation>Save report as &amp;PDF...</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Save report as PDF</translation>
    </message>
    <message>
        <source>Nothing to analyse yet: choose a group with pupils and marks.</source>
        <translation>Nothing to analyse yet: choose a group with pupils and marks.</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>the analysis heading: %1 framework, %2 group, %3 term</extracomment>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Pupils at each value</source>
        <translation>Pupils at each value</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Mean points, all objectives</source>
        <translation>Mean points, all objectives</translation>
    </message>
    <message>
        <source>Pupil premium, SEN, boys</source>
        <translation>Pupil premium, SEN, boys</translation>
    </message>
    <message>
        <source>Others, not SEN, girls</source>
        <translation>Others, not SEN, girls</translation>
    </message>
    <message>
        <source>Pupil premium</source>
        <translation>Pupil premium</translation>
    </message>
    <message>
        <source>SEN</source>
        <translation>SEN</translation>
    </message>
    <message>
        <source>Boys / girls</source>
        <translation>Boys / girls</translation>
    </message>
    <message>
        <source>Saving the report...</source>
        <translation>Saving the report...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Saving the report: page %1 of %2</source>
        <extracomment>%1 page being written, %2 pages</extracomment>
        <translation>Saving the report: page %1 of %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The table was not saved: %1</source>
        <translation>The table was not saved: %1</translation>
    </message>
    <message>
        <source>Table saved.</source>
        <translation>Table saved.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The report was not saved: %1</source>
        <translation>The report was not saved: %1</translation>
    </message>
    <message>
        <source>Report saved.</source>
        <translation>Report saved.</translation>
    </message>
    <message>
        <source>Cancelled: no report was saved.</source>
        <translation>Cancelled: no report was saved.</translation>
    </message>
</context>
<context>
    <name>otrack::AppController</name>
    <message>
        <source>OTrack</source>
        <translation>OTrack</translation>
    </message>
    <message>
        <source>OTrack will close.</source>
        <translation>OTrack will close.</translation>
    </message>
    <message>
        <source>No OTrack server is set up on this PC, so OTrack can only open data already on it. Ask your IT team.</source>
        <translation>No OTrack server is set up on this PC, so OTrack can only open data already on it. Ask your IT team.</translation>
    </message>
    <message>
        <source>Ask your IT team.</source>
        <translation>Ask your IT team.</translation>
    </message>
</context>
<context>
    <name>otrack::CellDetailsPanel</name>
    <message>
        <source>Cell details</source>
        <translation>Cell details</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Objective statement</source>
        <translation>Objective statement</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>No cell selected</source>
        <translation>No cell selected</translation>
    </message>
    <message>
        <source>Choose a cell to see its objective in full.</source>
        <translation>Choose a cell to see its objective in full.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>the pupil line of the details panel: %1 name, %2 their flags in words</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a mark cell to see its objective in full.</source>
        <translation>Choose a mark cell to see its objective in full.</translation>
    </message>
    <message>
        <source>%1, set by %2, %3</source>
        <extracomment>%1 value, %2 who changed it, %3 date and time</extracomment>
        <translation>%1, set by %2, %3</translation>
    </message>
    <message>
        <source>This term is locked: read only.</source>
        <translation>This term is locked: read only.</translation>
    </message>
    <message>
        <source>%1   %2   %3</source>
        <extracomment>one line of the scale&apos;s legend: %1 key, %2 code, %3 label</extracomment>
        <translation>%1   %2   %3</translation>
    </message>
    <message>
        <source>Key %1: %2</source>
        <translation>Key %1: %2</translation>
    </message>
    <message>
        <source>Delete   clears the cell</source>
        <extracomment>the Delete key clears a cell</extracomment>
        <translation>Delete   clears the cell</translation>
    </message>
</context>
<context>
    <name>otrack::ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Refused changes</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Take theirs</translation>
    </message>
    <message>
        <source>Keep &amp;all mine</source>
        <translation>Keep &amp;all mine</translation>
    </message>
    <message>
        <source>Take all t&amp;heirs</source>
        <translation>Take all t&amp;heirs</translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation>Changes the server refused</translation>
    </message>
    <message>
        <source>(cleared)</source>
        <translation>(cleared)</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Changed by me</source>
        <translation>Changed by me</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>someone else</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Refused at</source>
        <translation>Refused at</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>No conflicts: every mark you made is the one on the server.</source>
        <translation>No conflicts: every mark you made is the one on the server.</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s) were changed on the server while you changed them too. Choose which value stays: yours (sent again) or theirs.</source>
        <translation>
            <numerusform>%n mark was changed on the server while you changed them too. Choose which value stays: yours (sent again) or theirs.</numerusform>
            <numerusform>%n marks were changed on the server while you changed them too. Choose which value stays: yours (sent again) or theirs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otrack::GridEditor</name>
    <message>
        <source>You can read these marks but not change them.</source>
        <translation>You can read these marks but not change them.</translation>
    </message>
    <message>
        <source>%1 is locked: its marks can be read but not changed. Ask your data manager if a mark must change.</source>
        <extracomment>%1 is the term, e.g. &quot;Autumn 2&quot;</extracomment>
        <translation>%1 is locked: its marks can be read but not changed. Ask your data manager if a mark must change.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>otrack::LegalAcceptanceDialog</name>
    <message>
        <source>OTrack: please read and accept</source>
        <translation>OTrack: please read and accept</translation>
    </message>
    <message>
        <source>Before OTrack shows or syncs any pupil data, please read each of these documents to the end and accept it. Until you do, OTrack keeps your school&apos;s data closed on this PC and does not sync it.</source>
        <translation>Before OTrack shows or syncs any pupil data, please read each of these documents to the end and accept it. Until you do, OTrack keeps your school&apos;s data closed on this PC and does not sync it.</translation>
    </message>
    <message>
        <source>Why you are asked</source>
        <translation>Why you are asked</translation>
    </message>
    <message>
        <source>OTrack found that the record of your earlier acceptances on this PC had been altered, so it asks you to accept again.</source>
        <translation>OTrack found that the record of your earlier acceptances on this PC had been altered, so it asks you to accept again.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Documents to accept</source>
        <translation>Documents to accept</translation>
    </message>
    <message>
        <source>Signing for your school</source>
        <translation>Signing for your school</translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation>Your full name</translation>
    </message>
    <message>
        <source>Your position at the school</source>
        <translation>Your position at the school</translation>
    </message>
    <message>
        <source>I am a&amp;uthorised to sign the Data Processing Terms for this school</source>
        <translation>I am a&amp;uthorised to sign the Data Processing Terms for this school</translation>
    </message>
    <message>
        <source>I am authorised to sign the Data Processing Terms for this school</source>
        <translation>I am authorised to sign the Data Processing Terms for this school</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>P&amp;osition:</translation>
    </message>
    <message>
        <source>Documents accepted</source>
        <translation>Documents accepted</translation>
    </message>
    <message>
        <source>&amp;Decline...</source>
        <translation>&amp;Decline...</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>Accept all documents</source>
        <translation>Accept all documents</translation>
    </message>
    <message>
        <source>Decline and close OTrack?</source>
        <translation>Decline and close OTrack?</translation>
    </message>
    <message>
        <source>If you decline, OTrack cannot show or sync any pupil data, and it closes now. Nothing you recorded before is deleted: the next time you sign in, OTrack asks you again.

If you have questions about these documents, ask your school&apos;s data protection officer or data manager before you decide.</source>
        <translation>If you decline, OTrack cannot show or sync any pupil data, and it closes now. Nothing you recorded before is deleted: the next time you sign in, OTrack asks you again.

If you have questions about these documents, ask your school&apos;s data protection officer or data manager before you decide.</translation>
    </message>
    <message>
        <source>What declining means</source>
        <translation>What declining means</translation>
    </message>
    <message>
        <source>&amp;Go back to the documents</source>
        <translation>&amp;Go back to the documents</translation>
    </message>
    <message>
        <source>Go back to the documents</source>
        <translation>Go back to the documents</translation>
    </message>
    <message>
        <source>Decline and &amp;close OTrack</source>
        <translation>Decline and &amp;close OTrack</translation>
    </message>
    <message>
        <source>Decline and close OTrack</source>
        <translation>Decline and close OTrack</translation>
    </message>
    <message>
        <source>%1 of %2 documents accepted</source>
        <extracomment>%1 documents of %2 accepted so far</extracomment>
        <translation>%1 of %2 documents accepted</translation>
    </message>
</context>
<context>
    <name>otrack::LegalDocumentPage</name>
    <message>
        <source>Version %1, effective from %2</source>
        <extracomment>%1 is a document&apos;s version number, %2 the date it takes effect</extracomment>
        <translation>Version %1, effective from %2</translation>
    </message>
    <message>
        <source>Version and effective date</source>
        <translation>Version and effective date</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>You accepted version %1 before. Summary of the changes: %2</source>
        <extracomment>%1 is the version the user accepted before, %2 a one-line summary of the changes</extracomment>
        <translation>You accepted version %1 before. Summary of the changes: %2</translation>
    </message>
    <message>
        <source>Summary of the changes</source>
        <translation>Summary of the changes</translation>
    </message>
    <message>
        <source>View the previous &amp;version</source>
        <translation>View the previous &amp;version</translation>
    </message>
    <message>
        <source>View the version you accepted before</source>
        <translation>View the version you accepted before</translation>
    </message>
    <message>
        <source>Find in this document (Ctrl+F)</source>
        <translation>Find in this document (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in this document</source>
        <translation>Find in this document</translation>
    </message>
    <message>
        <source>Find ne&amp;xt</source>
        <translation>Find ne&amp;xt</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Find result</translation>
    </message>
    <message>
        <source>A-</source>
        <translation>A-</translation>
    </message>
    <message>
        <source>Make the text smaller</source>
        <translation>Make the text smaller</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Make the text larger</source>
        <translation>Make the text larger</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Print...</translation>
    </message>
    <message>
        <source>Print this document</source>
        <translation>Print this document</translation>
    </message>
    <message>
        <source>Save as PD&amp;F...</source>
        <translation>Save as PD&amp;F...</translation>
    </message>
    <message>
        <source>Save this document as a PDF file</source>
        <translation>Save this document as a PDF file</translation>
    </message>
    <message>
        <source>Text of the %1</source>
        <translation>Text of the %1</translation>
    </message>
    <message>
        <source>Read to the end of the document to accept it.</source>
        <translation>Read to the end of the document to accept it.</translation>
    </message>
    <message>
        <source>How to accept</source>
        <translation>How to accept</translation>
    </message>
    <message>
        <source>I have &amp;read and accept the %1</source>
        <extracomment>%1 is the document&apos;s title, e.g. &quot;Privacy Policy&quot;</extracomment>
        <translation>I have &amp;read and accept the %1</translation>
    </message>
    <message>
        <source>I have read and accept the %1</source>
        <translation>I have read and accept the %1</translation>
    </message>
    <message>
        <source>You have reached the end of the document.</source>
        <translation>You have reached the end of the document.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>SHA-256 of this text: %1</source>
        <extracomment>%1 is the SHA-256 fingerprint of the document&apos;s text (64 hexadecimal digits)</extracomment>
        <translation>SHA-256 of this text: %1</translation>
    </message>
    <message>
        <source>%1 version %2.pdf</source>
        <extracomment>Suggested file name; %1 is the document&apos;s title, %2 its version</extracomment>
        <translation>%1 version %2.pdf</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <source>%1, version %2 (accepted before)</source>
        <extracomment>%1 is the document&apos;s title, %2 the version the user accepted before</extracomment>
        <translation>%1, version %2 (accepted before)</translation>
    </message>
    <message>
        <source>Text of the version accepted before</source>
        <translation>Text of the version accepted before</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>otrack::MainWindow</name>
    <message>
        <source>OTrack - %1 at %2</source>
        <extracomment>%1 is the staff member&apos;s username, %2 the school</extracomment>
        <translation>OTrack - %1 at %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Local store status</source>
        <translation>Local store status</translation>
    </message>
    <message>
        <source>Local store: encrypted (SQLCipher %1), schema version %2</source>
        <extracomment>%1 is the SQLCipher version, %2 the local store&apos;s schema version</extracomment>
        <translation>Local store: encrypted (SQLCipher %1), schema version %2</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>unknown version</translation>
    </message>
    <message>
        <source>Workspace pages</source>
        <translation>Workspace pages</translation>
    </message>
    <message>
        <source>Opening your data...</source>
        <translation>Opening your data...</translation>
    </message>
    <message>
        <source>Working on this PC only</source>
        <translation>Working on this PC only</translation>
    </message>
    <message>
        <source>No OTrack server is set up on this PC, so nothing is synced. Ask your IT team.</source>
        <translation>No OTrack server is set up on this PC, so nothing is synced. Ask your IT team.</translation>
    </message>
    <message>
        <source>&amp;Marking</source>
        <translation>&amp;Marking</translation>
    </message>
    <message>
        <source>P&amp;upil</source>
        <translation>P&amp;upil</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflicts</translation>
    </message>
    <message>
        <source>&amp;Conflicts (%1)</source>
        <extracomment>the Conflicts tab with how many there are</extracomment>
        <translation>&amp;Conflicts (%1)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ync now</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Se&amp;ttings...</source>
        <translation>Se&amp;ttings...</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <extracomment>%1 is what undo takes back, e.g. &quot;Paste&quot;</extracomment>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>After a mark, move &amp;down</source>
        <translation>After a mark, move &amp;down</translation>
    </message>
    <message>
        <source>After a mark, move &amp;right</source>
        <translation>After a mark, move &amp;right</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation>Managed by your organisation</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>&amp;Lock or unlock the term</source>
        <translation>&amp;Lock or unlock the term</translation>
    </message>
</context>
<context>
    <name>otrack::MarkGridModel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>a pupil&apos;s name in the grid: %1 forename, %2 surname</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>pupil premium</source>
        <translation>pupil premium</translation>
    </message>
    <message>
        <source>SEN support</source>
        <translation>SEN support</translation>
    </message>
    <message>
        <source>EHC plan</source>
        <translation>EHC plan</translation>
    </message>
    <message>
        <source>English as an additional language</source>
        <translation>English as an additional language</translation>
    </message>
    <message>
        <source>boy</source>
        <translation>boy</translation>
    </message>
    <message>
        <source>girl</source>
        <translation>girl</translation>
    </message>
    <message>
        <source>no flags</source>
        <translation>no flags</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>someone else</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>B</source>
        <extracomment>short for boy (male) in the grid&apos;s gender column</extracomment>
        <translation>B</translation>
    </message>
    <message>
        <source>G</source>
        <translation>G</translation>
    </message>
    <message>
        <source>PP</source>
        <extracomment>short for pupil premium</extracomment>
        <translation>PP</translation>
    </message>
    <message>
        <source>K</source>
        <extracomment>SEN status codes: K = SEN support, E = EHC plan</extracomment>
        <translation>K</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>EAL</source>
        <extracomment>short for English as an additional language</extracomment>
        <translation>EAL</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <extracomment>a grid cell for screen readers: %1 pupil, %2 objective code, %3 value</extracomment>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <extracomment>who last changed a mark and when: %1 name, %2 date and time</extracomment>
        <translation>Last changed by %1, %2</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>SEN</source>
        <translation>SEN</translation>
    </message>
    <message>
        <source>Gender: B boy, G girl</source>
        <translation>Gender: B boy, G girl</translation>
    </message>
    <message>
        <source>Pupil premium</source>
        <translation>Pupil premium</translation>
    </message>
    <message>
        <source>Special educational needs: K SEN support, E EHC plan</source>
        <translation>Special educational needs: K SEN support, E EHC plan</translation>
    </message>
</context>
<context>
    <name>otrack::MarkGridView</name>
    <message>
        <source>Marking grid</source>
        <translation>Marking grid</translation>
    </message>
    <message>
        <source>Pupils in rows, objectives in columns. Type a value&apos;s key to mark a cell.</source>
        <translation>Pupils in rows, objectives in columns. Type a value&apos;s key to mark a cell.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>C&amp;lear marks</source>
        <translation>C&amp;lear marks</translation>
    </message>
    <message>
        <source>Fill &amp;down</source>
        <translation>Fill &amp;down</translation>
    </message>
    <message>
        <source>Fill &amp;right</source>
        <translation>Fill &amp;right</translation>
    </message>
    <message>
        <source>Choose a mark cell (an objective&apos;s column) to type a mark.</source>
        <translation>Choose a mark cell (an objective&apos;s column) to type a mark.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mark on this scale. Keys: %2.</source>
        <extracomment>%1 is the key typed, %2 the keys of the scale, e.g. &quot;W Working towards, E Expected&quot;</extracomment>
        <translation>&quot;%1&quot; is not a mark on this scale. Keys: %2.</translation>
    </message>
    <message>
        <source>Mark %1</source>
        <translation>Mark %1</translation>
    </message>
    <message>
        <source>Nothing was pasted: &quot;%1&quot; (row %2, column %3 of the copied cells) is not a mark on this scale.</source>
        <extracomment>a pasted text that is no value: %1 the text, %2 and %3 its row and column in the pasted block</extracomment>
        <translation>Nothing was pasted: &quot;%1&quot; (row %2, column %3 of the copied cells) is not a mark on this scale.</translation>
    </message>
    <message>
        <source>Nothing was pasted: choose the first mark cell to paste into.</source>
        <translation>Nothing was pasted: choose the first mark cell to paste into.</translation>
    </message>
    <message>
        <source>Nothing was pasted: the %1 x %2 copied cells do not fit from the selected cell.</source>
        <extracomment>%1 x %2: rows and columns of the copied cells</extracomment>
        <translation>Nothing was pasted: the %1 x %2 copied cells do not fit from the selected cell.</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Clear marks</source>
        <translation>Clear marks</translation>
    </message>
    <message>
        <source>Select cells below a mark to fill down.</source>
        <translation>Select cells below a mark to fill down.</translation>
    </message>
    <message>
        <source>Select cells to the right of a mark to fill right.</source>
        <translation>Select cells to the right of a mark to fill right.</translation>
    </message>
    <message>
        <source>Fill down</source>
        <translation>Fill down</translation>
    </message>
    <message>
        <source>Fill right</source>
        <translation>Fill right</translation>
    </message>
    <message>
        <source>%1	%2</source>
        <extracomment>a context menu entry: %1 the value&apos;s label, %2 its key</extracomment>
        <translation>%1	%2</translation>
    </message>
</context>
<context>
    <name>otrack::MarkingPage</name>
    <message>
        <source>%1 %2</source>
        <extracomment>a term as people read it: %1 name, %2 academic year</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>class</source>
        <translation>class</translation>
    </message>
    <message>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <source>intervention</source>
        <translation>intervention</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Show pupils</source>
        <translation>Show pupils</translation>
    </message>
    <message>
        <source>All pupils</source>
        <translation>All pupils</translation>
    </message>
    <message>
        <source>Pupil premium</source>
        <translation>Pupil premium</translation>
    </message>
    <message>
        <source>Not pupil premium</source>
        <translation>Not pupil premium</translation>
    </message>
    <message>
        <source>SEN</source>
        <translation>SEN</translation>
    </message>
    <message>
        <source>Not SEN</source>
        <translation>Not SEN</translation>
    </message>
    <message>
        <source>EAL</source>
        <translation>EAL</translation>
    </message>
    <message>
        <source>Not EAL</source>
        <translation>Not EAL</translation>
    </message>
    <message>
        <source>Boys</source>
        <translation>Boys</translation>
    </message>
    <message>
        <source>Girls</source>
        <translation>Girls</translation>
    </message>
    <message>
        <source>Find a pupil by name</source>
        <translation>Find a pupil by name</translation>
    </message>
    <message>
        <source>Find a pupil</source>
        <translation>Find a pupil</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>&amp;Framework:</source>
        <translation>&amp;Framework:</translation>
    </message>
    <message>
        <source>&amp;Term:</source>
        <translation>&amp;Term:</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <source>Term locked</source>
        <translation>Term locked</translation>
    </message>
    <message>
        <source>Grid message</source>
        <translation>Grid message</translation>
    </message>
    <message>
        <source>No pupil data on this PC yet.
Pupil data arrives when OTrack syncs with your school&apos;s OTrack server.</source>
        <translation>No pupil data on this PC yet.
Pupil data arrives when OTrack syncs with your school&apos;s OTrack server.</translation>
    </message>
    <message>
        <source>No pupil data</source>
        <translation>No pupil data</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>a group in the picker: %1 its name, %2 its kind (class, set, intervention)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (locked)</translation>
    </message>
    <message>
        <source>This group has no pupils on roll.</source>
        <translation>This group has no pupils on roll.</translation>
    </message>
    <message>
        <source>Un&amp;lock term</source>
        <translation>Un&amp;lock term</translation>
    </message>
    <message>
        <source>&amp;Lock term</source>
        <translation>&amp;Lock term</translation>
    </message>
    <message>
        <source>Unlock term</source>
        <translation>Unlock term</translation>
    </message>
    <message>
        <source>Lock term</source>
        <translation>Lock term</translation>
    </message>
    <message>
        <source>%1 is locked: its marks can be read but not changed.</source>
        <extracomment>%1 is the term, e.g. &quot;Autumn 2 2026/27&quot;</extracomment>
        <translation>%1 is locked: its marks can be read but not changed.</translation>
    </message>
    <message>
        <source>You can read these marks but not change them.</source>
        <translation>You can read these marks but not change them.</translation>
    </message>
    <message>
        <source>Only a data manager can lock or unlock a term.</source>
        <translation>Only a data manager can lock or unlock a term.</translation>
    </message>
    <message>
        <source>Term locked on this PC. The lock waits here until sync sends it to the server.</source>
        <translation>Term locked on this PC. The lock waits here until sync sends it to the server.</translation>
    </message>
    <message>
        <source>Term unlocked on this PC. The change waits here until sync sends it to the server.</source>
        <translation>Term unlocked on this PC. The change waits here until sync sends it to the server.</translation>
    </message>
</context>
<context>
    <name>otrack::PupilPage</name>
    <message>
        <source>Choose a pupil in the marking grid.</source>
        <translation>Choose a pupil in the marking grid.</translation>
    </message>
    <message>
        <source>Pupil details</source>
        <translation>Pupil details</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Chart: attainment across terms</source>
        <translation>Chart: attainment across terms</translation>
    </message>
    <message>
        <source>UPN %1 - born %2 - year %3
%4</source>
        <extracomment>pupil details: %1 UPN, %2 date of birth, %3 year group, %4 flags in words</extracomment>
        <translation>UPN %1 - born %2 - year %3
%4</translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>Groups: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Mean points across terms: %1</source>
        <extracomment>%1 is the framework, e.g. &quot;Maths Year 4&quot;</extracomment>
        <translation>Mean points across terms: %1</translation>
    </message>
    <message>
        <source>Mean points</source>
        <translation>Mean points</translation>
    </message>
</context>
<context>
    <name>otrack::SettingsDialog</name>
    <message>
        <source>OTrack settings</source>
        <translation>OTrack settings</translation>
    </message>
    <message>
        <source>Settings marked &quot;Managed by your organisation&quot; are set by your IT team and cannot be changed here.</source>
        <translation>Settings marked &quot;Managed by your organisation&quot; are set by your IT team and cannot be changed here.</translation>
    </message>
    <message>
        <source>About these settings</source>
        <translation>About these settings</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>https://otrack.example.sch.uk</source>
        <translation>https://otrack.example.sch.uk</translation>
    </message>
    <message>
        <source>CA certificate to trust</source>
        <translation>CA certificate to trust</translation>
    </message>
    <message>
        <source>The full path of your school&apos;s or trust&apos;s CA certificate (PEM), or the certificate in base64</source>
        <translation>The full path of your school&apos;s or trust&apos;s CA certificate (PEM), or the certificate in base64</translation>
    </message>
    <message>
        <source>None: only the system&apos;s certificate authorities</source>
        <translation>None: only the system&apos;s certificate authorities</translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation>C&amp;hoose...</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>Choose a CA certificate file</translation>
    </message>
    <message>
        <source>CA certificate details</source>
        <translation>CA certificate details</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>The system&apos;s language</translation>
    </message>
    <message>
        <source>Minutes between syncs</source>
        <translation>Minutes between syncs</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Allowed when the server cannot be reached</source>
        <translation>Allowed when the server cannot be reached</translation>
    </message>
    <message>
        <source>Allow offline sign-in</source>
        <translation>Allow offline sign-in</translation>
    </message>
    <message>
        <source>Days offline sign-in works after the last online sign-in</source>
        <translation>Days offline sign-in works after the last online sign-in</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Automatic updates</source>
        <translation>Automatic updates</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Settings problem</translation>
    </message>
    <message>
        <source>A new server, certificate or language applies the next time OTrack starts.</source>
        <translation>A new server, certificate or language applies the next time OTrack starts.</translation>
    </message>
    <message>
        <source>When changes apply</source>
        <translation>When changes apply</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>S&amp;ync every:</source>
        <translation>S&amp;ync every:</translation>
    </message>
    <message>
        <source>&amp;Offline sign-in:</source>
        <translation>&amp;Offline sign-in:</translation>
    </message>
    <message>
        <source>Offline sign-in &amp;works for:</source>
        <translation>Offline sign-in &amp;works for:</translation>
    </message>
    <message>
        <source>Updates:</source>
        <translation>Updates:</translation>
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation>Managed by your organisation</translation>
    </message>
    <message>
        <source>Set for this computer when OTrack was installed</source>
        <translation>Set for this computer when OTrack was installed</translation>
    </message>
    <message>
        <source>Your organisation&apos;s value is not valid, so it is not used. Please tell your IT team.</source>
        <translation>Your organisation&apos;s value is not valid, so it is not used. Please tell your IT team.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>On (set by your organisation). This version of OTrack does not update itself: your IT team installs new versions.</source>
        <translation>On (set by your organisation). This version of OTrack does not update itself: your IT team installs new versions.</translation>
    </message>
    <message>
        <source>Off. OTrack does not update itself: your IT team installs new versions.</source>
        <translation>Off. OTrack does not update itself: your IT team installs new versions.</translation>
    </message>
    <message>
        <source>Your settings could not be saved on this computer. Please tell your IT team.</source>
        <translation>Your settings could not be saved on this computer. Please tell your IT team.</translation>
    </message>
    <message>
        <source>This setting is decided by your organisation.</source>
        <translation>This setting is decided by your organisation.</translation>
    </message>
    <message>
        <source>The server address must start with https:// and name the server, for example https://otrack.example.sch.uk.</source>
        <translation>The server address must start with https:// and name the server, for example https://otrack.example.sch.uk.</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be read.</source>
        <translation>The CA certificate file cannot be read.</translation>
    </message>
    <message>
        <source>This is not a CA certificate OTrack can use. Give the full path of a PEM file, or the certificate in base64.</source>
        <translation>This is not a CA certificate OTrack can use. Give the full path of a PEM file, or the certificate in base64.</translation>
    </message>
    <message>
        <source>This value is not allowed.</source>
        <translation>This value is not allowed.</translation>
    </message>
    <message>
        <source>Trusts: %1</source>
        <translation>Trusts: %1</translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation>Choose the CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Ser&amp;ver address:</source>
        <translation>Ser&amp;ver address:</translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation>C&amp;A certificate:</translation>
    </message>
</context>
<context>
    <name>otrack::SignInWindow</name>
    <message>
        <source>Sign in to OTrack</source>
        <translation>Sign in to OTrack</translation>
    </message>
    <message>
        <source>OTrack logo</source>
        <translation>OTrack logo</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>The name of your school as your data manager gave it to you</source>
        <translation>The name of your school as your data manager gave it to you</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Sign-in problem</translation>
    </message>
    <message>
        <source>About signing in</source>
        <translation>About signing in</translation>
    </message>
    <message>
        <source>S&amp;chool:</source>
        <translation>S&amp;chool:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Enter your school, username and password.</source>
        <translation>Enter your school, username and password.</translation>
    </message>
    <message>
        <source>&amp;Work offline</source>
        <translation>&amp;Work offline</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>Open your marks on this PC without the server. They sync when the server can be reached again.</source>
        <translation>Open your marks on this PC without the server. They sync when the server can be reached again.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <source>Sign in with the school, username and password your data manager gave you. Your data on this PC is kept encrypted and opens only with your password.</source>
        <translation>Sign in with the school, username and password your data manager gave you. Your data on this PC is kept encrypted and opens only with your password.</translation>
    </message>
    <message>
        <source>Opening your data on this PC...</source>
        <translation>Opening your data on this PC...</translation>
    </message>
    <message>
        <source>Signing in to your school&apos;s OTrack server...</source>
        <translation>Signing in to your school&apos;s OTrack server...</translation>
    </message>
    <message>
        <source>The first sign-in on a PC needs the server, so there is nothing on this PC to open yet.</source>
        <translation>The first sign-in on a PC needs the server, so there is nothing on this PC to open yet.</translation>
    </message>
    <message>
        <source>You can work offline with the marks on this PC: they sync when the server can be reached again.</source>
        <translation>You can work offline with the marks on this PC: they sync when the server can be reached again.</translation>
    </message>
</context>
<context>
    <name>otrack::SyncIndicator</name>
    <message>
        <source>Sync status</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download progress</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Send your changes and fetch your colleagues&apos; now (F5)</source>
        <translation>Send your changes and fetch your colleagues&apos; now (F5)</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>OTrack syncs once you are signed in.</source>
        <translation>OTrack syncs once you are signed in.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Marks that need your choice: open Conflicts</source>
        <translation>Marks that need your choice: open Conflicts</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>%1 rows done of %2</extracomment>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>First download: %n row(s) so far</source>
        <translation>
            <numerusform>First download: %n row so far</numerusform>
            <numerusform>First download: %n rows so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fetched %n change(s)</source>
        <translation>
            <numerusform>Fetched %n change</numerusform>
            <numerusform>Fetched %n changes</numerusform>
        </translation>
    </message>
</context>
</TS>
