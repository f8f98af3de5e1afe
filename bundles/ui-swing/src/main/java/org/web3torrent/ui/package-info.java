/** The desktop window; nothing here is exported. */
package org.web3torrent.ui;
