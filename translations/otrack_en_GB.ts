<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AppOptions</name>
    <message>
        <source>OTrack Desktop: pupil tracking for UK schools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the encrypted stores under &lt;dir&gt; instead of the usual per-user application data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OTrack server, https://host:port. The main window checks that it is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CA certificate (PEM) to trust for the server, besides the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window shown after about a second (after the server check, if any) to &lt;file&gt;, then quit. For headless runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For scripted demos only: read the password from the environment variable &lt;var&gt; and sign in with --school and --username at once. Never for real accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the interface, e.g. en_GB or cy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ca needs --server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-password-env needs --school and --username.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The password is not right for this account on this PC. Check Caps Lock and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC&apos;s sign-in key is no longer valid. Sign in with your password while connected to your school&apos;s network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved data on this PC is damaged or has been altered, so OTrack will not open it. Ask your IT team for help. Data that was already synced is safe on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data file on this PC is not encrypted, so OTrack will not use it. Ask your IT team for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This copy of OTrack cannot encrypt data, so it will not store any. Ask your IT team to reinstall OTrack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data on this PC was saved by a newer version of OTrack. Ask your IT team to update OTrack on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk on this PC is full. Free some space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OTrack cannot save to its data folder on this PC. Ask your IT team to check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OTrack could not find your saved data on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already saved data for this account on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data is open in another OTrack window. Close it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of the details entered are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is locked and cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OTrack could not read or save your data on this PC. Try again; if it keeps happening, ask your IT team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server needs a different version of OTrack. Ask your IT team to update OTrack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s security certificate is not trusted, so OTrack did not connect (%1).</source>
        <extracomment>%1 is the technical reason, e.g. &quot;The certificate is self-signed, and untrusted&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server check cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s CA certificate file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address or its CA certificate is not valid. The address must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>otrack::AppController</name>
    <message>
        <source>OTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OTrack will close.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>otrack::LegalAcceptanceDialog</name>
    <message>
        <source>OTrack: please read and accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before OTrack shows or syncs any pupil data, please read each of these documents to the end and accept it. Until you do, OTrack keeps your school&apos;s data closed on this PC and does not sync it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you are asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OTrack found that the record of your earlier acceptances on this PC had been altered, so it asks you to accept again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents to accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing for your school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your position at the school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am a&amp;uthorised to sign the Data Processing Terms for this school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am authorised to sign the Data Processing Terms for this school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decline...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline and close OTrack?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you decline, OTrack cannot show or sync any pupil data, and it closes now. Nothing you recorded before is deleted: the next time you sign in, OTrack asks you again.

If you have questions about these documents, ask your school&apos;s data protection officer or data manager before you decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What declining means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go back to the documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline and &amp;close OTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline and close OTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 documents accepted</source>
        <extracomment>%1 documents of %2 accepted so far</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>otrack::LegalDocumentPage</name>
    <message>
        <source>Version %1, effective from %2</source>
        <extracomment>%1 is a document&apos;s version number, %2 the date it takes effect</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and effective date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You accepted version %1 before. Summary of the changes: %2</source>
        <extracomment>%1 is the version the user accepted before, %2 a one-line summary of the changes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View the previous &amp;version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View the version you accepted before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this document (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find ne&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the text smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the text larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PD&amp;F...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this document as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text of the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read to the end of the document to accept it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;read and accept the %1</source>
        <extracomment>%1 is the document&apos;s title, e.g. &quot;Privacy Policy&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read and accept the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have reached the end of the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of this text: %1</source>
        <extracomment>%1 is the SHA-256 fingerprint of the document&apos;s text (64 hexadecimal digits)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 version %2.pdf</source>
        <extracomment>Suggested file name; %1 is the document&apos;s title, %2 its version</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2 (accepted before)</source>
        <extracomment>%1 is the document&apos;s title, %2 the version the user accepted before</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text of the version accepted before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>otrack::MainWindow</name>
    <message>
        <source>OTrack - %1 at %2</source>
        <extracomment>%1 is the staff member&apos;s username, %2 the school</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pupil data on this PC yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pupil data arrives when OTrack syncs with your school&apos;s OTrack server. Until then there is nothing to show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About pupil data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local store status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local store: encrypted (SQLCipher %1), schema version %2</source>
        <extracomment>%1 is the SQLCipher version, %2 the local store&apos;s schema version</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server configured: working on this PC only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the server %1...</source>
        <extracomment>%1 is the server&apos;s host name and port</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>otrack::SignInWindow</name>
    <message>
        <source>Sign in to OTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OTrack logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of your school as your data manager gave it to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data on this PC is kept encrypted and opens only with your password. The first time you sign in on this PC, OTrack sets this up for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;chool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your school, username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Choose a password of at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
