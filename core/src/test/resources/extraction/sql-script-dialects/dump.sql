-- MySQL dump 10.19  Distrib 10.3.34-MariaDB, for debian-linux-gnu
/*!40101 SET NAMES utf8mb4 */;
INSERT INTO `changelog` VALUES ('1','the id\'s column; then its index','EXECUTED'),('2','ends in a backslash\\','x;y');
SELECT * FROM `changelog` WHERE `note` = 'say \'hi\'; bye';
