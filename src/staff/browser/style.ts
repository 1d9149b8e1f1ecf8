/** The console's stylesheet: three columns at 1280 px, one at 390 px, readable type, a visible focus. */
export const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,"Segoe UI",Roboto,sans-serif;color:#1b1f23;background:#f4f6f8}
header{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;background:#0b4f8a;color:#fff}header button{margin-left:auto}
#who{opacity:.9}main.console{display:grid;grid-template-columns:minmax(260px,1fr) minmax(360px,1.6fr) minmax(280px,1fr);gap:1rem;padding:1rem}
@media (max-width:900px){main.console{grid-template-columns:1fr}}
section,article,aside form{background:#fff;border-radius:6px;padding:.75rem 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}aside{display:flex;flex-direction:column;gap:.75rem}
label{display:block;margin:.35rem 0;font-weight:600}input,select,textarea{display:block;width:100%;font:inherit;padding:.4rem;margin-top:.2rem;border:1px solid #9aa5b1;border-radius:4px}
label.check{font-weight:400}label.check input{display:inline;width:auto}
#q{font-size:1.1rem}button{font:inherit;padding:.4rem .9rem;border-radius:4px;border:1px solid #0b4f8a;background:#0b4f8a;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #f5a623;outline-offset:1px}
ol#results{list-style:none;padding:0;margin:.5rem 0}.result{padding:.4rem .5rem;border-radius:4px;cursor:pointer;display:grid;gap:.1rem}
.result.selected{background:#e3effa}.result .code{font-size:.8rem;color:#52606d}.result .meta,.meta{font-size:.8rem;color:#52606d}
pre{white-space:pre-wrap;font:inherit;margin:.25rem 0}.script{background:#fff8e1;border-left:4px solid #f5a623}.script-text{font-size:1.05rem}
.copied{margin-left:.5rem;color:#1e7e34}.outcome.ok{border-left:4px solid #1e7e34;padding-left:.5rem}.outcome.problem{border-left:4px solid #b00020;padding-left:.5rem;color:#b00020}
.consent{font-style:italic;background:#f4f6f8;padding:.4rem}.note,.hint{color:#52606d;font-size:.85rem}.recent{font-size:.85rem;padding-left:1rem}
table{border-collapse:collapse;width:100%;font-size:.8rem}td,th{border-bottom:1px solid #d9e2ec;padding:.2rem;text-align:left}
main.sign-in{max-width:360px;margin:10vh auto;background:#fff;padding:1.5rem;border-radius:6px}#message{color:#b00020;min-height:1.2em}
`;
